// The Board packs page: every cycle with its pack versions, read with the Camunda webapps' login.
(function () {
  'use strict';

  var FORMATS = { html: 'Web page', pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };

  function el(name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function downloads(links, label) {
    var span = el('span', { 'class': 'downloads' });
    Object.keys(FORMATS).forEach(function (format) {
      if (links[format]) {
        span.appendChild(el('a', { href: links[format], 'class': 'download-' + format,
          'aria-label': FORMATS[format] + ' of ' + label }, [FORMATS[format]]));
      }
    });
    return span;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
  }

  function day(iso) {
    return iso ? new Date(iso + 'T12:00:00').toLocaleDateString('en-GB', { dateStyle: 'long' }) : '';
  }

  function cycle(c) {
    var label = c.quarter + ' (' + c.period + ')';
    var section = el('section', { 'class': 'cycle', id: 'cycle-' + c.key }, [el('h2', {}, [label])]);
    var state = { collecting: 'Returns are being collected: the pack is a draft.',
      reviewing: 'The coordinators are reviewing the pack.', presenting: 'Approved for the board meeting on '
        + day(c.boardMeeting) + '.', closed: 'Presented to the board.', cancelled: 'Cancelled.' }[c.status] || c.status;
    section.appendChild(el('p', {}, [state]));
    var current = el('p', {}, [(c.status === 'collecting' ? 'Draft: ' : 'Current pack: ')]);
    current.appendChild(downloads(c.current, label));
    section.appendChild(current);
    if (c.boardMeetingHeld) {
      section.appendChild(el('p', {}, ['Board meeting held on ' + day(c.boardMeetingHeld) + '.']));
      if (c.boardDecisions) {
        section.appendChild(el('h3', {}, ['The board\u2019s decisions']));
        section.appendChild(el('p', { 'class': 'decisions' }, [c.boardDecisions]));
      }
    }
    if (c.versions.length) {
      var body = el('tbody');
      c.versions.slice().reverse().forEach(function (v) {
        // the files' fingerprints prove a copy is the one compiled; behind a summary in plain words
        var prints = el('details', {}, [el('summary', {}, ['Check a copy'])]);
        prints.appendChild(el('p', {}, ['A file with the same SHA-256 fingerprint is exactly the one compiled:']));
        Object.keys(FORMATS).forEach(function (format) {
          if (v.sha256[format]) {
            prints.appendChild(el('div', {}, [FORMATS[format] + ': ', el('code', {}, [v.sha256[format]])]));
          }
        });
        var hashes = el('td', {}, [prints]);
        var links = el('td');
        links.appendChild(downloads(v.downloads, label + ', version ' + v.version));
        body.appendChild(el('tr', { 'class': 'version' }, [el('th', { scope: 'row' }, ['Version ' + v.version]),
          el('td', {}, [when(v.compiledAt)]),
          el('td', {}, [v.approvedBy ? v.approvedBy + ', ' + when(v.approvedAt) : 'Not approved']), links, hashes]));
      });
      section.appendChild(el('table', {}, [el('caption', {}, ['Compiled versions of the pack']),
        el('thead', {}, [el('tr', {}, ['Version', 'Compiled', 'Approved', 'Download', 'Is my copy this one?'].map(function (h) {
          return el('th', { scope: 'col' }, [h]);
        }))]), body]));
    }
    return section;
  }

  function show(message, refused) {
    var status = document.getElementById('status');
    status.textContent = '';
    status.className = refused ? 'refused' : '';
    (Array.isArray(message) ? message : [message]).forEach(function (part) {
      status.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
    });
  }

  // the webapps' own log-out, as their header menu sends it: a POST with the session's XSRF token
  // (their cookie of it is for /camunda only, so /packs/me gives it)
  function logOut(token) {
    fetch('/camunda/api/admin/auth/user/default/logout', { method: 'POST', credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': token || '' } }).then(function (r) {
      if (!r.ok) { throw new Error('Logging out did not work (' + r.status + '): reload the page and try again.'); }
      window.location.assign('/camunda/app/welcome/default/');
    }).catch(function (e) { show(String(e.message || e), true); });
  }

  fetch('me', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (me) {
    document.getElementById('strategy').textContent = me.strategy;
    document.title = 'Board packs: ' + me.strategy;
    if (!me.authenticated) {
      show(['Log in to read the packs: ', el('a', { href: '/camunda/app/welcome/default/' }, ['log in']),
        ', then come back to this page (board members are brought here).']);
      return null;
    }
    document.getElementById('who').textContent = 'Logged in as ' + me.name + '.';
    var out = document.getElementById('log-out');
    out.hidden = false;
    out.addEventListener('click', function () { logOut(me.xsrfToken); });
    if (!me.readsPacks) {
      show('Only coordinators, SES leads and the board read packs.', true);
      return null;
    }
    return fetch('/api/packs', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('the packs could not be read (' + r.status + ')'); }
      return r.json();
    });
  }).then(function (cycles) {
    if (!cycles) { return; }
    var list = document.getElementById('cycles');
    cycles.forEach(function (c) { list.appendChild(cycle(c)); });
    show(cycles.length ? cycles.length + (cycles.length === 1 ? ' cycle' : ' cycles') + ', newest first.'
      : 'No cycle has been started yet.');
  }).catch(function (e) { show(String(e.message || e), true); });
})();
