package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** A return long awaiting sign-off is escalated to the coordinators, the SES lead in copy. */
@Component
class EscalateSignOffDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  EscalateSignOffDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.signOffEscalated(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(),
        ObjectiveReturn.TASK_SIGN_OFF_RETURN);
  }
}
