// The forms' confirmations, said where the action was done: Tasklist's own notice at the top of
// the page the person is taken to. Embedded forms cannot import a module, so this one gives them
// window.sesReturns.notice(notifications, status, message), with the Notifications service the
// form took when it loaded (once the form has gone after its submission, it can no longer ask).
// The words go as they are: Tasklist's Notifications escape a notice's status and message
// themselves (only a notice marked unsafe is shown as HTML), so a name with & or quotes reads as
// typed, and markup in it stays text.

function notice(notifications, status, message) {
  // a notice given while a dialog is open (the start form's) goes to the dialog's own notices and
  // closes with it: it is given once the dialog has gone
  let tries = 0;
  const say = () => {
    if (document.querySelector('.modal') && tries++ < 50) {
      setTimeout(say, 100);
      return;
    }
    notifications.addMessage({ status: String(status), message: String(message), duration: 20000 });
  };
  setTimeout(say, 0);
}

window.sesReturns = Object.freeze({ ...(window.sesReturns || {}), notice });

export default [];
