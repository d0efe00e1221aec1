package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A cycle cancelled in Cockpit frees its period, so the coordinator can start it again. */
@Component
class CycleCancelledExecutionListener implements ExecutionListener {

  private final CycleService cycles;

  CycleCancelledExecutionListener(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled() && execution.getProcessBusinessKey() != null) {
      cycles.cancelled(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
  }
}
