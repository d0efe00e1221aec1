// Admin's configuration in ses-returns (it replaces the Camunda webapp's own config.js, which is empty).
export default {
  // the product's name in the header and the browser's title, where Camunda's was
  app: { vendor: 'ses-returns', name: 'Admin' },
  // no first-visit box: it asks /camunda-welcome, a page of Camunda Run this application does not
  // have, and the browser's console logs the 404 at every login
  disableWelcomeMessage: true
};
