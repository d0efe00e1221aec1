package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * A return's task changed hands: the application decides whether it may (see
 * {@link ReturnTasks#reassign}) and, if so, records the new person as the one the return
 * belongs to. A refusal rolls the change back.
 */
@Component
class ReassignReturnTaskListener implements TaskListener {

  private final ReturnTasks returnTasks;
  private final CurrentUser currentUser;

  ReassignReturnTaskListener(ReturnTasks returnTasks, CurrentUser currentUser) {
    this.returnTasks = returnTasks;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnService.Role role = ObjectiveReturn.TASK_SIGN_OFF_RETURN.equals(task.getTaskDefinitionKey())
        ? ReturnService.Role.SES_LEAD : ReturnService.Role.PROJECT_LEAD;
    returnTasks.reassign(ReturnKey.parse(task.getExecution().getProcessBusinessKey()), role, task.getAssignee(),
        currentUser.get());
  }
}
