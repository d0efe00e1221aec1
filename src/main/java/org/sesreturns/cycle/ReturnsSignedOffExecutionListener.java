package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Lets the cycle stop waiting for its returns only when every one is signed off: the message that
 * ends the wait may be sent through the engine's API by anyone allowed to move the cycle, and a
 * message sent early is refused (400) with the returns still open.
 */
@Component
class ReturnsSignedOffExecutionListener implements ExecutionListener {

  private final CycleService cycles;

  ReturnsSignedOffExecutionListener(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      cycles.requireEveryReturnSignedOff(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
  }
}
