package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Issues the next batch of the cycle's returns, and tells the gateway after it what is left. */
@Component
class IssueReturnsDelegate implements JavaDelegate {

  private final CycleService cycles;

  IssueReturnsDelegate(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var issued = cycles.issueNextReturns(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    // transient: read by the gateway in this transaction, never stored, never sent by a client; never
    // both true (a return left to issue is a return not signed off)
    execution.setVariableLocal(QuarterlyCycle.MORE_RETURNS_TO_ISSUE, Variables.booleanValue(issued.more(), true));
    execution.setVariableLocal(QuarterlyCycle.EVERY_RETURN_SIGNED_OFF,
        Variables.booleanValue(issued.everyReturnSignedOff(), true));
  }
}
