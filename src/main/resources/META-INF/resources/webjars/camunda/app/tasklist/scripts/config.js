// Tasklist's configuration in ses-returns (it replaces the Camunda webapp's own config.js, whose
// keyboard shortcuts it keeps): dates as a UK reader writes them, and the script that hides what
// project and SES leads have no use for.
export default {
  // no first-visit box: it asks /camunda-welcome, a page of Camunda Run this application does not
  // have, and the browser's console logs the 404 at every login
  disableWelcomeMessage: true,
  // the product's name in the header and the browser's title, where Camunda's was
  app: { vendor: 'ses-returns', name: 'Tasklist' },
  dateFormat: {
    normal: 'D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  },
  customScripts: ['ses/roles', 'ses/notices'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
