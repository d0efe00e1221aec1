// The returns' progress board, a Cockpit plugin for coordinators: every return of a cycle with its
// leads by name, where it stands, its due date and working days overdue, who touched it last; the
// returns that need action first; a chaser for one lead; links to the task and to the pack. It
// reads the application's /api/progress (the login session), so a closed cycle reads as well as a
// running one. Built with DOM calls and textContent only: nothing typed by a user becomes markup.

const UK_DATE = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' };
const UK_TIME = { ...UK_DATE, hour: '2-digit', minute: '2-digit' };

const STYLE = `
.ses-progress { margin: 0 0 2em; }
.ses-progress h2 { font-size: 1.4em; margin: .5em 0; }
.ses-progress .ses-facts { margin: .3em 0 .8em; color: #333; }
.ses-progress .ses-facts a { text-decoration: underline; }
.ses-progress caption { color: #333; text-align: left; }
.ses-progress .ses-counts { list-style: none; padding: 0; margin: .5em 0; display: flex; flex-wrap: wrap; gap: .5em; }
.ses-progress .ses-counts li { border: 1px solid #bbb; border-radius: 3px; padding: .2em .6em; background: #fff; }
.ses-progress table { width: 100%; background: #fff; }
.ses-progress th, .ses-progress td { padding: .35em .5em; border-bottom: 1px solid #ddd; vertical-align: top; text-align: left; }
.ses-progress .ses-state { font-weight: bold; white-space: nowrap; }
.ses-progress tr.ses-late .ses-state, .ses-progress tr.ses-overdue .ses-state { color: #8b0000; }
.ses-progress tr.ses-signed-off .ses-state { color: #1b5e20; }
.ses-progress .ses-status { min-height: 1.4em; margin: .5em 0; }
.ses-progress select { margin-left: .5em; }
`;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

const day = (iso) => (iso ? new Date(iso + 'T12:00:00Z').toLocaleDateString('en-GB', UK_DATE) : '');
const moment = (iso) => (iso ? new Date(iso).toLocaleString('en-GB', UK_TIME) : '');
const ACTIONS = {
  issued: 'issued', submitted: 'submitted', 'sent-back': 'sent back', 'signed-off': 'signed off',
  reopened: 'reopened', reassigned: 'reassigned', 'marked-late': 'marked it late', 'draft-saved': 'saved a draft'
};

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error('HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function counts(board) {
  const labels = {
    late: 'Late', overdue: 'Overdue', 'sent-back': 'Sent back', reopened: 'Reopened', issued: 'Issued',
    submitted: 'Awaiting sign-off', ended: 'Not received', 'not-signed-off': 'Submitted, not signed off',
    'signed-off': 'Signed off'
  };
  return el('ul', { class: 'ses-counts', 'aria-label': 'Returns by state' },
    Object.entries(board.counts).map(([state, n]) => el('li', { 'data-state': state, text: labels[state] + ': ' + n })));
}

function table(board, api, status, reload) {
  const chase = async (row, button) => {
    button.disabled = true;
    status.textContent = 'Chasing ' + row.projectLead + '…';
    let said;
    try {
      const response = await fetch('/api/cycles/' + encodeURIComponent(board.key) + '/returns/'
          + encodeURIComponent(row.objective) + '/chase', {
        method: 'POST', credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }, body: '{}'
      });
      const body = await response.json().catch(() => ({}));
      said = response.ok
        ? row.projectLead + ' will be chased for "' + row.title + '"; the message is listed with the cycle\u2019s messages.'
        : 'Not chased: ' + (body.message || 'the server answered ' + response.status);
    } catch (e) {
      said = 'Not chased: the server could not be reached.';
    }
    // the board is read again (the chaser touches the return); what happened stays said
    reload(said);
  };
  return el('table', { class: 'table ses-returns' },
    el('caption', { text: 'Returns of ' + board.reportDate + ', those that need action first' }),
    el('thead', {}, el('tr', {},
      ['Objective', 'Project lead', 'SES lead', 'State', 'Due', 'Working days overdue', 'Last touched', 'Action']
        .map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, board.returns.map((row) => el('tr', { class: 'ses-return ses-' + row.state, 'data-objective': row.objective },
      el('th', { scope: 'row', text: row.title }),
      el('td', { text: row.projectLead || '' }),
      el('td', { text: row.sesLead || '' }),
      el('td', { class: 'ses-state', text: row.stateLabel }),
      el('td', { text: day(row.due) }),
      el('td', { class: 'ses-overdue-days', text: row.workingDaysOverdue > 0 ? String(row.workingDaysOverdue) : '' }),
      el('td', { text: row.lastTouchedAt ? moment(row.lastTouchedAt) + ', ' + row.lastTouchedBy + ' '
          + (ACTIONS[row.lastAction] || row.lastAction) : '' }),
      el('td', {},
        row.taskId ? el('a', { href: '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(row.taskId),
          text: 'Open task', 'aria-label': 'Open the task of ' + row.title }) : null,
        row.withLead ? el('button', { type: 'button', class: 'btn btn-default btn-xs ses-chase', style: 'margin-left: .5em',
          'aria-label': 'Chase ' + row.projectLead + ' for ' + row.title, text: 'Chase',
          onclick: (event) => chase(row, event.currentTarget) }) : null)))));
}

function renderBoard(container, board, api, options) {
  const status = el('p', { class: 'ses-status', role: 'status', text: options.said });
  const reload = (said) => options.reload(board.key, typeof said === 'string' ? said : undefined);
  container.replaceChildren(
    el('style', { text: STYLE }),
    el('h2', {}, 'Returns progress: ' + board.reportDate,
      options.cycles ? el('label', {}, el('span', { class: 'sr-only', text: 'Cycle' }),
        el('select', { class: 'ses-cycle', 'aria-label': 'Cycle', onchange: (e) => options.reload(e.target.value) },
          options.cycles.map((c) => el('option', { value: c.key, selected: c.key === board.key,
            text: c.period + ' (' + c.status + ')' })))) : null),
    el('p', { class: 'ses-facts' },
      'Cycle ' + board.period + ', ' + board.status + '. Returns due ' + day(board.returnsDue) + '; board meeting '
        + day(board.boardMeeting) + '. ',
      el('strong', { class: 'ses-needing', text: board.needingAction + ' need action.' }), ' ',
      el('a', { href: board.packsPage, text: 'Board packs' }), ' \u00b7 ',
      el('a', { href: board.packUrl, target: '_blank', rel: 'noopener', text: 'The pack as it stands' }), ' \u00b7 ',
      el('button', { type: 'button', class: 'btn btn-link btn-xs', text: 'Refresh', onclick: reload })),
    counts(board),
    status,
    table(board, api, status, reload));
}

function refusal(container, error) {
  container.replaceChildren(el('p', { class: 'ses-status', text: error.status === 403
    ? 'The returns\u2019 progress board is for coordinators.'
    : error.status === 404 ? 'No cycle has been started yet.' : 'The returns\u2019 progress could not be read (' + error.message + ').' }));
}

async function showCycle(container, api, key, withCycles, said) {
  try {
    const [board, cycles] = await Promise.all([
      getJson(key ? '/api/progress/' + encodeURIComponent(key) : '/api/progress/current'),
      withCycles ? getJson('/api/progress') : Promise.resolve(null)
    ]);
    renderBoard(container, board, api, { cycles, said,
      reload: (next, saying) => showCycle(container, api, next, withCycles, saying) });
  } catch (error) {
    refusal(container, error);
  }
}

// The board's own page, first in Cockpit's top navigation: what a coordinator opens Cockpit for.
const PAGE = '/returns-progress';

function boardSection() {
  return el('section', { class: 'ses-progress', id: 'ses-progress-board', 'aria-label': 'Returns progress' });
}

export default [
  {
    id: 'ses.progressBoard.page',
    pluginPoint: 'cockpit.route',
    properties: { path: PAGE, label: 'Returns progress' },
    render: (node, { api }) => {
      const container = boardSection();
      node.appendChild(el('div', { class: 'ses-progress-page' }, container));
      showCycle(container, api, null, true);
    }
  },
  {
    id: 'ses.progressBoard.navigation',
    pluginPoint: 'cockpit.navigation',
    // above the engine's own entries (Processes, Decisions, Human Tasks, More)
    priority: 1000,
    properties: {
      pagePath: '#' + PAGE,
      label: 'Returns progress',
      checkActive: (url) => url.includes('#' + PAGE)
    }
  },
  {
    id: 'ses.progressBoard.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, { api }) => {
      const container = boardSection();
      node.appendChild(container);
      showCycle(container, api, null, true);
    }
  },
  {
    id: 'ses.progressBoard.cycleTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 100,
    properties: { label: 'Returns progress' },
    render: async (node, { api, processInstanceId }) => {
      const container = el('section', { class: 'ses-progress', id: 'ses-progress-board', 'aria-label': 'Returns progress' });
      node.appendChild(container);
      try {
        const instance = await getJson(api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId));
        const definition = await getJson(api.engineApi + '/process-definition/' + encodeURIComponent(instance.definitionId));
        if (definition.key !== 'quarterlyCycleProcess') {
          container.replaceChildren(el('p', { text: 'The returns\u2019 progress is shown on a quarterly cycle\u2019s instance.' }));
          return;
        }
        showCycle(container, api, instance.businessKey, false);
      } catch (error) {
        refusal(container, error);
      }
    }
  }
];
