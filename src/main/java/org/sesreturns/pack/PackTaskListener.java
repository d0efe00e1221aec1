package org.sesreturns.pack;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.cycle.QuarterlyCycle;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/** Prepares the pack review and presentation forms: the cycle, its returns and a link to the pack. */
@Component
class PackTaskListener implements TaskListener {

  private final PackForm packForm;
  private final PackService packs;

  PackTaskListener(PackForm packForm, PackService packs) {
    this.packForm = packForm;
    this.packs = packs;
  }

  @Override
  public void notify(DelegateTask task) {
    var execution = task.getExecution();
    String cycleKey = execution.getProcessBusinessKey();
    boolean review = QuarterlyCycle.TASK_REVIEW_PACK.equals(task.getTaskDefinitionKey());
    // the review shows (and approves) the latest version; the presentation the approved one
    var shown = review ? packs.putToReview(cycleKey) : packs.approved(cycleKey).or(() -> packs.latest(cycleKey));
    var form = packForm.of(cycleKey, shown);
    // the summary written in an earlier review of this cycle, to go on from
    form.put("executiveSummary", packs.summary(cycleKey).orElse(""));
    execution.setVariable(QuarterlyCycle.PACK_FORM, Json.variable(form));
    if (review) {
      execution.setVariable(QuarterlyCycle.PACK_APPROVED, Variables.booleanValue(null));
      execution.setVariable(QuarterlyCycle.PACK_REVIEW_COMMENT, Variables.stringValue(null));
      execution.setVariable(QuarterlyCycle.REOPEN_OBJECTIVES, Variables.stringValue(null));
      // a summary sent with an earlier step is not this review's
      execution.setVariable(QuarterlyCycle.EXECUTIVE_SUMMARY, Variables.stringValue(null));
    }
  }
}
