package org.sesreturns.cycle;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.reminders.Deadlines;
import org.springframework.stereotype.Component;

/** When the cycle's returns are due, for the timer of quarterly-cycle.bpmn: the end of the due day, UK time. */
@Component("cycleDeadlines")
public class CycleDeadlines {

  private final CycleService cycles;

  CycleDeadlines(CycleService cycles) {
    this.cycles = cycles;
  }

  public Date returnsDueOf(DelegateExecution execution) {
    return Date.from(Deadlines.endOf(cycles.require(execution.getProcessBusinessKey()).returnsDue()));
  }
}
