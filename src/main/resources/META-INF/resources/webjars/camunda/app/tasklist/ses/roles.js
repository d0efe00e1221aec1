// Marks the page for a user who does not run cycles (a project lead, an SES lead, a board member):
// Tasklist's start-a-process dialog and a task's candidate groups are then hidden (styles/user-styles.css),
// since there is nothing for them to start and nobody for them to offer a task to. Coordinators and
// administrators keep both. The rights themselves are the engine's and the application's.
import { whenLoggedIn } from '/ses/me.js';

whenLoggedIn((me) => document.body.classList.toggle('ses-lead-view', !me.runsCycles));

export default [];
