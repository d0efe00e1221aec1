package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.ProcessVariables;
import org.sesreturns.engine.TaskCompletionListener;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Records the SES lead's sign-off or sending back when the task ends (an execution listener for
 * the reason given on {@link SubmitReturnExecutionListener}).
 */
@Component
class SignOffReturnExecutionListener extends TaskCompletionListener {

  private final ReturnTasks tasks;
  private final CurrentUser currentUser;

  SignOffReturnExecutionListener(ReturnTasks tasks, CurrentUser currentUser) {
    super(ObjectiveReturn.ALL);
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    boolean approved = tasks.signOff(ReturnKey.parse(execution.getProcessBusinessKey()),
        ProcessVariables.bool(execution.getVariable(ObjectiveReturn.APPROVED), ObjectiveReturn.APPROVED),
        Json.text(execution.getVariable(ObjectiveReturn.SIGN_OFF_COMMENT), ObjectiveReturn.SIGN_OFF_COMMENT),
        currentUser.id());
    execution.removeVariables(ObjectiveReturn.FORM_DATA);
    execution.removeVariable(ObjectiveReturn.SIGN_OFF_COMMENT);
    // the gateway reads this one Boolean, the decision as stored
    execution.setVariable(ObjectiveReturn.APPROVED, approved);
  }
}
