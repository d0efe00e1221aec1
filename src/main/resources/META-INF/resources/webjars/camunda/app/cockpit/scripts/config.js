// Cockpit's configuration in ses-returns (it replaces the Camunda webapp's own config.js): the
// returns' progress board, on the dashboard and on a quarterly cycle's instance view.
export default {
  // no first-visit box: it asks /camunda-welcome, a page of Camunda Run this application does not
  // have, and the browser's console logs the 404 at every login
  disableWelcomeMessage: true,
  // the product's name in the header and the browser's title, where Camunda's was
  app: { vendor: 'ses-returns', name: 'Cockpit' },
  customScripts: ['ses/progress-board']
};
