// After logging in on the welcome page, a board member with no tasks in the cycle is taken to the
// Board packs page: that is what they log in for. Everyone else stays on the welcome page.
// In demo mode the page also shows, before anyone logs in, whom to log in as (/ses/demo): one
// person per role and the password the README publishes. Built with textContent only.
import { whenLoggedIn } from '/ses/me.js';

whenLoggedIn((me) => {
  if (me.landing) {
    window.location.replace(me.landing);
  }
});

function demoNotice(demo) {
  const notice = document.createElement('aside');
  notice.className = 'ses-demo-notice';
  notice.setAttribute('role', 'note');
  notice.setAttribute('aria-label', 'Demo logins');
  const heading = document.createElement('h2');
  heading.textContent = 'Demo mode: try it as one of these people';
  notice.appendChild(heading);
  const list = document.createElement('ul');
  demo.logins.forEach((login) => {
    const item = document.createElement('li');
    const user = document.createElement('code');
    user.textContent = login.userId;
    item.append(login.role + ': ', user, ' (' + login.name + ')');
    list.appendChild(item);
  });
  notice.appendChild(list);
  const password = document.createElement('p');
  if (demo.password) {
    const code = document.createElement('code');
    code.textContent = demo.password;
    password.append('Each logs in with the password ', code, '. Nothing here is real: never put real returns in demo mode.');
  } else {
    password.textContent = 'Each logs in with the password set in SES_INITIAL_PASSWORD. Never put real returns in demo mode.';
  }
  notice.appendChild(password);
  return notice;
}

fetch('/ses/demo', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  // 204 when the application is not in demo mode
  .then((response) => (response.status === 200 ? response.json() : null))
  .then((demo) => {
    if (demo && !document.querySelector('.ses-demo-notice')) {
      document.body.prepend(demoNotice(demo));
    }
  })
  .catch(() => {});

export default [];
