// After logging in on the welcome page, a board member with no tasks in the cycle is taken to the
// Board packs page: that is what they log in for. Everyone else stays on the welcome page.
import { whenLoggedIn } from '/ses/me.js';

whenLoggedIn((me) => {
  if (me.landing) {
    window.location.replace(me.landing);
  }
});

export default [];
