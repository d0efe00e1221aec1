package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/** Prepares the presentation form and records the board meeting. */
@Component
class PresentPackTaskListener implements TaskListener {

  private final CycleService cycles;
  private final PackForm packForm;

  PresentPackTaskListener(CycleService cycles, PackForm packForm) {
    this.cycles = cycles;
    this.packForm = packForm;
  }

  @Override
  public void notify(DelegateTask task) {
    String cycleKey = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(QuarterlyCycle.PACK_FORM, Json.variable(packForm.of(cycleKey)));
      task.setVariableLocal(QuarterlyCycle.BOARD_DECISIONS, Json.nullString());
      return;
    }
    cycles.recordBoardMeeting(cycleKey, task.getVariable(QuarterlyCycle.BOARD_MEETING_HELD),
        task.getVariable(QuarterlyCycle.BOARD_DECISIONS));
  }
}
