package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** The project lead gets the coordinator's chaser. Each chase is its own message: the chase's execution names it. */
@Component
class ChaseLeadDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  ChaseLeadDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.chase(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(), execution.getId(),
        ObjectiveReturn.TASK_COMPLETE_RETURN);
  }
}
