package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues one batch of the cycle's returns: the batch this instance of the multi-instance step holds. */
@Component
class IssueReturnsDelegate implements JavaDelegate {

  private final CycleService cycles;

  IssueReturnsDelegate(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object batch = execution.getVariableLocal(QuarterlyCycle.ISSUE_BATCH);
    if (!(batch instanceof Integer number)) {
      throw new IllegalStateException("the issuing step runs once per batch, with " + QuarterlyCycle.ISSUE_BATCH);
    }
    cycles.issueBatch(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), number);
  }
}
