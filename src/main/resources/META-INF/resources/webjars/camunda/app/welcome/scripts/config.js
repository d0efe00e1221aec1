// The welcome page of ses-returns (it replaces the Camunda webapp's own config.js): a link to the
// Board packs page for everyone who logs in, and the script that takes board members there.
export default {
  // no first-visit box: it asks /camunda-welcome, a page of Camunda Run this application does not
  // have, and the browser's console logs the 404 at every login
  disableWelcomeMessage: true,
  // the product's name in the header and the browser's title, where Camunda's was
  app: { vendor: 'ses-returns', name: 'Welcome' },
  links: [
    {
      label: 'Board packs',
      href: '/packs/',
      description: 'Each quarter\u2019s board pack, as PDF, Word and Excel, with every version (the board, SES leads and coordinators)'
    }
  ],
  customScripts: ['ses/landing']
};
