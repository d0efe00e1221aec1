package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/** Shows the coordinators which returns are outstanding when they may compile the pack without them. */
@Component
class CompileWithoutMissingTaskListener implements TaskListener {

  private final MissingReturnsForm missingReturns;

  CompileWithoutMissingTaskListener(MissingReturnsForm missingReturns) {
    this.missingReturns = missingReturns;
  }

  @Override
  public void notify(DelegateTask task) {
    String cycleKey = task.getExecution().getProcessBusinessKey();
    task.getExecution().setVariable(QuarterlyCycle.MISSING_RETURNS, Json.variable(missingReturns.of(cycleKey)));
    task.getExecution().setVariable(QuarterlyCycle.COMPILE_REASON, Variables.stringValue(null));
  }
}
