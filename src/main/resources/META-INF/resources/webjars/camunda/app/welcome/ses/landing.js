// After logging in on the welcome page, a board member with no tasks in the cycle is taken to the
// Board packs page: that is what they log in for. Everyone else stays on the welcome page.
let checking = false;

function check() {
  if (checking) {
    return;
  }
  checking = true;
  fetch('/packs/me', { credentials: 'same-origin' })
    .then((response) => response.json())
    .then((me) => {
      checking = false;
      if (me.authenticated && me.landing) {
        window.location.replace(me.landing);
      } else if (!me.authenticated) {
        // not logged in yet: look again shortly (the login form does not reload the page)
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
