package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.ProcessVariables;
import org.springframework.stereotype.Component;

/** Records the board meeting when the presentation task ends (see {@link ReviewPackExecutionListener}). */
@Component
class PresentPackExecutionListener implements ExecutionListener {

  private final CycleService cycles;

  PresentPackExecutionListener(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ProcessVariables.requireOnly(execution, QuarterlyCycle.ALL);
    cycles.recordBoardMeeting(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        ProcessVariables.date(execution.getVariable(QuarterlyCycle.BOARD_MEETING_HELD)),
        Json.text(execution.getVariable(QuarterlyCycle.BOARD_DECISIONS), QuarterlyCycle.BOARD_DECISIONS));
    execution.removeVariable(QuarterlyCycle.PACK_FORM);
  }
}
