package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** The ladder's reminder to the project lead on the day the return is due. */
@Component
class RemindLeadOnDueDateDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  RemindLeadOnDueDateDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.dueToday(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(),
        ObjectiveReturn.TASK_COMPLETE_RETURN);
  }
}
