package org.sesreturns.pack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sesreturns.cycle.QuarterlyCycle;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.ProcessVariables;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Keeps the executive summary the coordinator wrote in the pack review, once the review itself is
 * recorded (this listener follows the cycle's own on the task's end): an approval with a new
 * summary compiles it into a new version, the one the board receives. A refused summary reaches
 * the client as 400 with its message, and the review, approval included, is not recorded.
 */
@Component
class ExecutiveSummaryExecutionListener implements ExecutionListener {

  private final PackService packs;
  private final CurrentUser currentUser;

  ExecutiveSummaryExecutionListener(PackService packs, CurrentUser currentUser) {
    this.packs = packs;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String summary = Json.text(execution.getVariable(QuarterlyCycle.EXECUTIVE_SUMMARY), QuarterlyCycle.EXECUTIVE_SUMMARY);
    execution.removeVariable(QuarterlyCycle.EXECUTIVE_SUMMARY);
    if (summary == null) {
      // a completion that does not mention the summary (a hand-made call, an older form) leaves
      // it as it was; only a summary sent, empty included, changes it
      return;
    }
    boolean approved = Boolean.TRUE.equals(
        ProcessVariables.bool(execution.getVariable(QuarterlyCycle.PACK_APPROVED), QuarterlyCycle.PACK_APPROVED));
    packs.reviewSummary(execution.getProcessBusinessKey(), summary, approved, currentUser.id());
  }
}
