// Cockpit's configuration in ses-returns (it replaces the Camunda webapp's own config.js): the
// returns' progress board, on the dashboard and on a quarterly cycle's instance view.
export default {
  customScripts: ['ses/progress-board']
};
