package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** A cycle cancelled in Cockpit frees its period, so the coordinator can start it again. */
@Component
class CycleCancelledExecutionListener implements ExecutionListener {

  private final CycleService cycles;
  private final CurrentUser currentUser;

  CycleCancelledExecutionListener(CycleService cycles, CurrentUser currentUser) {
    this.cycles = cycles;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled() && execution.getProcessBusinessKey() != null) {
      // as the application: whoever may cancel the cycle ends its returns' instances with it
      currentUser.asApplication(() -> {
        cycles.cancelled(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        return null;
      });
    }
  }
}
