package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.TaskCompletionListener;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Records the coordinators' decision to compile the pack without the returns still outstanding,
 * with its reason, when the task ends; an execution listener so that a refused decision (not a
 * coordinator, before the due date, no reason) reaches the client as 400 or 403 and the task stays.
 */
@Component
class CompileWithoutMissingExecutionListener extends TaskCompletionListener {

  private final CycleService cycles;
  private final CurrentUser currentUser;

  CompileWithoutMissingExecutionListener(CycleService cycles, CurrentUser currentUser) {
    super(QuarterlyCycle.ALL);
    this.cycles = cycles;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    cycles.decideToLeaveOutMissing(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        Json.text(execution.getVariable(QuarterlyCycle.COMPILE_REASON), QuarterlyCycle.COMPILE_REASON), currentUser.id());
    execution.removeVariable(QuarterlyCycle.MISSING_RETURNS);
    execution.removeVariable(QuarterlyCycle.COMPILE_REASON);
  }
}
