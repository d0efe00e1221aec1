package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sesreturns.engine.CurrentUser;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/**
 * Records the coordinator's pack review when the task ends; an execution listener so that a
 * refused review reaches the client as 400 with its message and the task stays open.
 */
@Component
class ReviewPackExecutionListener implements ExecutionListener {

  private final CycleService cycles;

  ReviewPackExecutionListener(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    cycles.reviewPack(execution.getProcessBusinessKey(), execution.getVariable(QuarterlyCycle.PACK_APPROVED),
        execution.getVariable(QuarterlyCycle.REOPEN_OBJECTIVES), Json.text(execution.getVariable(QuarterlyCycle.PACK_REVIEW_COMMENT), QuarterlyCycle.PACK_REVIEW_COMMENT),
        CurrentUser.of(execution));
    execution.removeVariable(QuarterlyCycle.PACK_FORM);
  }
}
