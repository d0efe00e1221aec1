package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sesreturns.engine.CurrentUser;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/**
 * Records the SES lead's sign-off or sending back when the task ends (an execution listener for
 * the reason given on {@link SubmitReturnExecutionListener}).
 */
@Component
class SignOffReturnExecutionListener implements ExecutionListener {

  private final ReturnService returns;

  SignOffReturnExecutionListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    boolean approved = returns.signOff(ReturnKey.parse(execution.getProcessBusinessKey()),
        execution.getVariable(ObjectiveReturn.APPROVED),
        Json.text(execution.getVariable(ObjectiveReturn.SIGN_OFF_COMMENT), ObjectiveReturn.SIGN_OFF_COMMENT),
        CurrentUser.of(execution));
    execution.removeVariables(ObjectiveReturn.FORM_DATA);
    execution.removeVariable(ObjectiveReturn.SIGN_OFF_COMMENT);
    // the gateway reads this one Boolean
    execution.setVariable(ObjectiveReturn.APPROVED, approved);
  }
}
