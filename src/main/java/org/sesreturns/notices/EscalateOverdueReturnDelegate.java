package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** A long-overdue return is escalated to the coordinators and the SES lead. */
@Component
class EscalateOverdueReturnDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  EscalateOverdueReturnDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.escalated(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(),
        ObjectiveReturn.TASK_COMPLETE_RETURN);
  }
}
