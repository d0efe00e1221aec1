package org.sesreturns.cycle;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/**
 * The step of a signed-off return that tells its cycle, when this was the last return the cycle
 * was waiting for. It runs after the sign-off has committed, so of two returns signed off at the
 * same moment at least one sees the other signed off; if both do, they take turns on the cycle's
 * row, and the second finds the cycle no longer waiting and does nothing.
 */
@Component
class TellCycleReturnSignedOffDelegate implements JavaDelegate {

  private final CycleService cycles;
  private final RuntimeService runtime;

  TellCycleReturnSignedOffDelegate(CycleService cycles, RuntimeService runtime) {
    this.cycles = cycles;
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cycleKey = ReturnKey.parse(execution.getProcessBusinessKey()).cycleKey();
    cycles.waitingForNoMoreReturns(cycleKey).ifPresent(cycle -> runtime
        .createMessageCorrelation(QuarterlyCycle.MESSAGE_RETURNS_SIGNED_OFF)
        .processInstanceId(cycle.processInstanceId())
        // none waiting: a return signed off just before has told the cycle already
        .correlateAllWithResult());
  }
}
