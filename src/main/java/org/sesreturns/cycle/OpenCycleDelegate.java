package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.engine.CurrentUser;
import org.springframework.stereotype.Component;

/** Opens the cycle and keys the process instance by its period. */
@Component
class OpenCycleDelegate implements JavaDelegate {

  private final CycleService cycles;

  OpenCycleDelegate(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Cycle cycle = cycles.open(execution.getVariable(QuarterlyCycle.PERIOD),
        execution.getVariable(QuarterlyCycle.RETURNS_DUE), execution.getVariable(QuarterlyCycle.BOARD_MEETING),
        CurrentUser.of(execution), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(cycle.key());
    // the canonical spelling, whatever the form sent
    execution.setVariable(QuarterlyCycle.PERIOD, cycle.period().text());
    execution.setVariable(QuarterlyCycle.RETURNS_DUE, cycle.returnsDue().toString());
    execution.setVariable(QuarterlyCycle.BOARD_MEETING, cycle.boardMeeting().toString());
  }
}
