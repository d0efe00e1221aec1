package org.sesreturns.returns;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.reminders.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Shows the SES lead the submitted return, read-only. The sign-off is due on the day the ladder
 * reminds the SES lead ({@link ReturnService#signOffDue}), by the end of it, so Tasklist shows
 * the same date as the message that asked for it.
 */
@Component
class SignOffReturnTaskListener implements TaskListener {

  private final ReturnService returns;
  private final ReturnTasks returnTasks;

  SignOffReturnTaskListener(ReturnService returns, ReturnTasks returnTasks) {
    this.returns = returns;
    this.returnTasks = returnTasks;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnKey key = ReturnKey.parse(task.getExecution().getProcessBusinessKey());
    ReturnFormVariables.show(task, returnTasks.form(key));
    task.setDueDate(Date.from(Deadlines.endOf(returns.signOffDue(key))));
    task.getExecution().setVariable(ObjectiveReturn.SIGN_OFF_COMMENT, Variables.stringValue(null));
    // a decision left over from an earlier round must never be taken for this one
    task.getExecution().setVariable(ObjectiveReturn.APPROVED, Variables.booleanValue(null));
  }
}
