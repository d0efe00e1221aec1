package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sesreturns.engine.CurrentUser;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/** Prepares the pack review form and records the coordinator's decision. */
@Component
class ReviewPackTaskListener implements TaskListener {

  private final CycleService cycles;
  private final PackForm packForm;

  ReviewPackTaskListener(CycleService cycles, PackForm packForm) {
    this.cycles = cycles;
    this.packForm = packForm;
  }

  @Override
  public void notify(DelegateTask task) {
    String cycleKey = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(QuarterlyCycle.PACK_FORM, Json.variable(packForm.of(cycleKey)));
      task.setVariableLocal(QuarterlyCycle.PACK_REVIEW_COMMENT, Json.nullString());
      task.setVariableLocal(QuarterlyCycle.REOPEN_OBJECTIVES, Json.nullString());
      return;
    }
    cycles.reviewPack(cycleKey, task.getVariable(QuarterlyCycle.PACK_APPROVED),
        task.getVariable(QuarterlyCycle.REOPEN_OBJECTIVES),
        (String) task.getVariable(QuarterlyCycle.PACK_REVIEW_COMMENT), CurrentUser.of(task));
  }
}
