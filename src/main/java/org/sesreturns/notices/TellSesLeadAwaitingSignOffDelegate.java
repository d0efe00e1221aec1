package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** The SES lead is told a submitted return awaits their sign-off, with a link to the task. */
@Component
class TellSesLeadAwaitingSignOffDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  TellSesLeadAwaitingSignOffDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.awaitingSignOff(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(),
        ObjectiveReturn.TASK_SIGN_OFF_RETURN);
  }
}
