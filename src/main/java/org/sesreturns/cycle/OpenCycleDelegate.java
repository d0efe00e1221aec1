package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.engine.ProcessVariables;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Opens the cycle and keys the process instance by its period. */
@Component
class OpenCycleDelegate implements JavaDelegate {

  private final CycleService cycles;
  private final CurrentUser currentUser;

  OpenCycleDelegate(CycleService cycles, CurrentUser currentUser) {
    this.cycles = cycles;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables.requireOnly(execution, QuarterlyCycle.ALL);
    Object period = execution.getVariable(QuarterlyCycle.PERIOD);
    Cycle cycle = cycles.open(period == null ? null : period.toString(),
        ProcessVariables.date(execution.getVariable(QuarterlyCycle.RETURNS_DUE)),
        ProcessVariables.date(execution.getVariable(QuarterlyCycle.BOARD_MEETING)),
        currentUser.id(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(cycle.key());
    // the canonical spelling, whatever the form sent
    execution.setVariable(QuarterlyCycle.PERIOD, cycle.period().text());
    execution.setVariable(QuarterlyCycle.RETURNS_DUE, cycle.returnsDue().toString());
    execution.setVariable(QuarterlyCycle.BOARD_MEETING, cycle.boardMeeting().toString());
  }
}
