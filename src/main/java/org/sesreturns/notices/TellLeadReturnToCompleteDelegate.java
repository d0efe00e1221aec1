package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** The project lead is told the return is theirs to complete (issued, sent back or reopened), with a link to the task. */
@Component
class TellLeadReturnToCompleteDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  TellLeadReturnToCompleteDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.toComplete(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(),
        ObjectiveReturn.TASK_COMPLETE_RETURN);
  }
}
