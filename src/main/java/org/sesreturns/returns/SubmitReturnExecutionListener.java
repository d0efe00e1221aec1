package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.ProcessVariables;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Validates and stores the return when the project lead completes the task. It listens to the
 * task's end rather than its completion because the engine passes an execution listener's
 * exception on as it is, and so a refused submission reaches the client as 400 (or 403) with its
 * message (a task listener's would be wrapped into a 500); either way the completion is rolled back.
 */
@Component
class SubmitReturnExecutionListener implements ExecutionListener {

  private final ReturnTasks tasks;
  private final CurrentUser currentUser;

  SubmitReturnExecutionListener(ReturnTasks tasks, CurrentUser currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ProcessVariables.requireOnly(execution, ObjectiveReturn.ALL);
    tasks.submit(ReturnKey.parse(execution.getProcessBusinessKey()),
        Json.text(execution.getVariable(ObjectiveReturn.OVERALL_STATUS), ObjectiveReturn.OVERALL_STATUS),
        Json.text(execution.getVariable(ObjectiveReturn.COMMENTARY), ObjectiveReturn.COMMENTARY),
        Json.read(execution.getVariable(ObjectiveReturn.KPIS), ObjectiveReturn.KPIS).orElse(null),
        currentUser.id());
    // the figures now live in the application's tables
    execution.removeVariables(ObjectiveReturn.FORM_DATA);
  }
}
