package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.TaskCompletionListener;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Validates and stores the return when the project lead completes the task. It listens to the
 * task's end rather than its completion because the engine passes an execution listener's
 * exception on as it is, and so a refused submission reaches the client as 400 (or 403) with its
 * message (a task listener's would be wrapped into a 500); either way the completion is rolled back.
 */
@Component
class SubmitReturnExecutionListener extends TaskCompletionListener {

  private final ReturnTasks tasks;
  private final CurrentUser currentUser;

  SubmitReturnExecutionListener(ReturnTasks tasks, CurrentUser currentUser) {
    super(ObjectiveReturn.ALL);
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    tasks.submit(ReturnKey.parse(execution.getProcessBusinessKey()),
        Json.text(execution.getVariable(ObjectiveReturn.OVERALL_STATUS), ObjectiveReturn.OVERALL_STATUS),
        Json.text(execution.getVariable(ObjectiveReturn.COMMENTARY), ObjectiveReturn.COMMENTARY),
        Json.read(execution.getVariable(ObjectiveReturn.KPIS), ObjectiveReturn.KPIS).orElse(null),
        currentUser.id());
    // the figures now live in the application's tables
    execution.removeVariables(ObjectiveReturn.FORM_DATA);
  }
}
