package org.sesreturns.cycle;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of the issuing step: the batch numbers, read from the
 * application's tables, so the engine carries no list of objectives and a reopened return is
 * issued again. Only the cycle's own process instance issues its returns.
 */
@Component("returnsToIssue")
public class ReturnsToIssue {

  private final CycleService cycles;

  ReturnsToIssue(CycleService cycles) {
    this.cycles = cycles;
  }

  public List<Integer> batches(DelegateExecution execution) {
    return cycles.issueBatches(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
