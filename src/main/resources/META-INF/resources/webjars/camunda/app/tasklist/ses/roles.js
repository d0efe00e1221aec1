// Marks the page for a user who does not run cycles (a project lead, an SES lead, a board member):
// Tasklist's start-a-process dialog and a task's candidate groups are then hidden (styles/user-styles.css),
// since there is nothing for them to start and nobody for them to offer a task to. Coordinators and
// administrators keep both. The rights themselves are the engine's and the application's.
let checking = false;

function check() {
  if (checking) {
    return;
  }
  checking = true;
  fetch('/packs/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => response.json())
    .then((me) => {
      checking = false;
      document.body.classList.toggle('ses-lead-view', me.authenticated && !me.runsCycles);
      if (!me.authenticated) {
        // the login form does not reload the page: look again shortly
        setTimeout(check, 1000);
      }
    })
    .catch(() => {
      checking = false;
    });
}

check();
window.addEventListener('hashchange', check);

export default [];
