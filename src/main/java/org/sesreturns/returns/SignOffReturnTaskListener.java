package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Shows the SES lead the submitted return, read-only. */
@Component
class SignOffReturnTaskListener implements TaskListener {

  private final ReturnService returns;

  SignOffReturnTaskListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnFormVariables.show(task, returns.form(ReturnKey.parse(task.getExecution().getProcessBusinessKey())));
    task.getExecution().setVariable(ObjectiveReturn.SIGN_OFF_COMMENT, Variables.stringValue(null));
    // a decision left over from an earlier round must never be taken for this one
    task.getExecution().setVariable(ObjectiveReturn.APPROVED, Variables.booleanValue(null));
  }
}
