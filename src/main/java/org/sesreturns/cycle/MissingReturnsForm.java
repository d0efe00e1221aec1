package org.sesreturns.cycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.engine.Json;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * What the coordinators' decision to compile the pack without the missing returns shows: the
 * returns still outstanding. It is made when the decision is offered and made again each time a
 * return is signed off while it is open, so the form never lists a return that has come in since.
 */
@Component
class MissingReturnsForm {

  private final CycleService cycles;
  private final ReturnService returns;
  private final Catalogue catalogue;
  private final CycleInstances instances;

  MissingReturnsForm(CycleService cycles, ReturnService returns, Catalogue catalogue, CycleInstances instances) {
    this.cycles = cycles;
    this.returns = returns;
    this.catalogue = catalogue;
    this.instances = instances;
  }

  ObjectNode of(String cycleKey) {
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
          .put("projectLead", catalogue.nameOf(returns.lead(key, ReturnService.Role.PROJECT_LEAD)))
          .put("status", returns.status(key).word());
    }
    return form;
  }

  /** Shows an open decision of the cycle the returns outstanding now. */
  void refresh(Cycle cycle) {
    instances.showOnOpenTasks(cycle.processInstanceId(), QuarterlyCycle.TASK_COMPILE_WITHOUT_MISSING,
        QuarterlyCycle.MISSING_RETURNS, () -> Json.variable(of(cycle.key())));
  }
}
