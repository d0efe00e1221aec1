package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.ProcessVariables;
import org.sesreturns.engine.TaskCompletionListener;
import org.springframework.stereotype.Component;

/** Records the board meeting when the presentation task ends (see {@link ReviewPackExecutionListener}). */
@Component
class PresentPackExecutionListener extends TaskCompletionListener {

  private final CycleService cycles;

  PresentPackExecutionListener(CycleService cycles) {
    super(QuarterlyCycle.ALL);
    this.cycles = cycles;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    cycles.recordBoardMeeting(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        ProcessVariables.date(execution.getVariable(QuarterlyCycle.BOARD_MEETING_HELD)),
        Json.text(execution.getVariable(QuarterlyCycle.BOARD_DECISIONS), QuarterlyCycle.BOARD_DECISIONS));
    execution.removeVariable(QuarterlyCycle.PACK_FORM);
  }
}
