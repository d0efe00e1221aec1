package org.sesreturns.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.engine.Json;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnService;
import org.springframework.stereotype.Component;

/** Shows the coordinators which returns are outstanding when they may compile the pack without them. */
@Component
class CompileWithoutMissingTaskListener implements TaskListener {

  private final CycleService cycles;
  private final ReturnService returns;
  private final Catalogue catalogue;

  CompileWithoutMissingTaskListener(CycleService cycles, ReturnService returns, Catalogue catalogue) {
    this.cycles = cycles;
    this.returns = returns;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    String cycleKey = task.getExecution().getProcessBusinessKey();
    Cycle cycle = cycles.require(cycleKey);
    var form = Json.mapper().createObjectNode();
    form.put("period", cycle.period().text());
    form.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    form.put("returnsDue", cycle.returnsDue().toString());
    var missing = form.putArray("returns");
    for (String objectiveId : returns.toCollect(cycleKey)) {
      ReturnKey key = new ReturnKey(cycleKey, objectiveId);
      missing.addObject()
          .put("objective", catalogue.objective(objectiveId).map(Catalogue.Objective::title).orElse(objectiveId))
          .put("projectLead", name(returns.lead(key, ReturnService.Role.PROJECT_LEAD)))
          .put("status", returns.status(key).word());
    }
    task.getExecution().setVariable(QuarterlyCycle.MISSING_RETURNS, Json.variable(form));
    task.getExecution().setVariable(QuarterlyCycle.COMPILE_REASON, Variables.stringValue(null));
  }

  private String name(String userId) {
    return catalogue.people().containsKey(userId) ? catalogue.person(userId).name() : userId;
  }
}
