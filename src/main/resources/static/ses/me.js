// Who is logged in to the webapps, for the application's scripts in them (the welcome page, Tasklist):
// asks /packs/me, and asks again while nobody is (the webapps' login form does not reload the page)
// and whenever the page's route changes. Calls back with the answer each time someone is logged in.
export function whenLoggedIn(callback) {
  let checking = false;
  const check = () => {
    if (checking) {
      return;
    }
    checking = true;
    fetch('/packs/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then((me) => {
        checking = false;
        if (me.authenticated) {
          callback(me);
        } else {
          setTimeout(check, 1000);
        }
      })
      .catch(() => {
        checking = false;
      });
  };
  check();
  window.addEventListener('hashchange', check);
}
