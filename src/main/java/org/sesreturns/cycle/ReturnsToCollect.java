package org.sesreturns.cycle;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of the cycle's call activity: read from the application's
 * tables, so the engine carries no list variable and a reopened return is collected again. Only
 * the cycle's own process instance collects its returns.
 */
@Component("returnsToCollect")
public class ReturnsToCollect {

  private final CycleService cycles;

  ReturnsToCollect(CycleService cycles) {
    this.cycles = cycles;
  }

  public List<String> of(DelegateExecution execution) {
    return cycles.returnsToCollect(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
