package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Tells the gateway after it whether every return is signed off already, once all are issued. */
@Component
class CheckReturnsInDelegate implements JavaDelegate {

  private final CycleService cycles;

  CheckReturnsInDelegate(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean in = cycles.everyReturnIn(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    // transient: read by the gateway in this transaction, never stored, never sent by a client
    execution.setVariableLocal(QuarterlyCycle.EVERY_RETURN_SIGNED_OFF, Variables.booleanValue(in, true));
  }
}
