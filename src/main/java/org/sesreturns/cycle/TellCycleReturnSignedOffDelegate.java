package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/**
 * The step of a signed-off return that tells its cycle, when this was the last return the cycle
 * was waiting for. It runs after the sign-off has committed, so of two returns signed off at the
 * same moment at least one sees the other signed off; if both do, they take turns on the cycle's
 * row, and the second finds the cycle no longer waiting and does nothing. While returns are still
 * outstanding, an open decision to compile without them is shown the ones left.
 */
@Component
class TellCycleReturnSignedOffDelegate implements JavaDelegate {

  private final CycleService cycles;
  private final CycleInstances instances;
  private final MissingReturnsForm missingReturns;

  TellCycleReturnSignedOffDelegate(CycleService cycles, CycleInstances instances, MissingReturnsForm missingReturns) {
    this.cycles = cycles;
    this.instances = instances;
    this.missingReturns = missingReturns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cycleKey = ReturnKey.parse(execution.getProcessBusinessKey()).cycleKey();
    var waiting = cycles.waitingForNoMoreReturns(cycleKey);
    if (waiting.isPresent()) {
      instances.returnsSignedOff(waiting.get().processInstanceId());
    } else {
      // still under the cycle's row lock, so two sign-offs refresh the decision one after the other
      cycles.find(cycleKey).filter(cycle -> cycle.status() == CycleStatus.COLLECTING)
          .ifPresent(missingReturns::refresh);
    }
  }
}
