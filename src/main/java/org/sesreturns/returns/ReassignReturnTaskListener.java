package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sesreturns.engine.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * A return's task changed hands: the application decides whether it may (see
 * {@link ReturnService#reassign}) and, if so, records the new person as the one the return
 * belongs to. A refusal rolls the change back.
 */
@Component
class ReassignReturnTaskListener implements TaskListener {

  private final ReturnService returns;
  private final CurrentUser currentUser;

  ReassignReturnTaskListener(ReturnService returns, CurrentUser currentUser) {
    this.returns = returns;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnService.Role role = ObjectiveReturn.TASK_SIGN_OFF_RETURN.equals(task.getTaskDefinitionKey())
        ? ReturnService.Role.SES_LEAD : ReturnService.Role.PROJECT_LEAD;
    returns.reassign(ReturnKey.parse(task.getExecution().getProcessBusinessKey()), role, task.getAssignee(),
        currentUser.get());
  }
}
