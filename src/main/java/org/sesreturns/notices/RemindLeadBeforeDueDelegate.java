package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** The ladder's first reminder to the project lead, some working days before the return is due. */
@Component
class RemindLeadBeforeDueDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  RemindLeadBeforeDueDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.dueSoon(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId(),
        ObjectiveReturn.TASK_COMPLETE_RETURN);
  }
}
