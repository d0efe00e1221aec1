package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CloseCycleDelegate implements JavaDelegate {

  private final CycleService cycles;

  CloseCycleDelegate(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cycles.close(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
