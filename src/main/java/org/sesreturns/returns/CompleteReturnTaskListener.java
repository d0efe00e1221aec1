package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sesreturns.engine.CurrentUser;
import org.sesreturns.engine.Json;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Fills the return form when the task is created and, on completion, validates and stores the
 * return. The form data are task-local, so they leave the engine with the task; a refused
 * submission rolls the completion back and leaves the task as it was.
 */
@Component
class CompleteReturnTaskListener implements TaskListener {

  private final ReturnService returns;

  CompleteReturnTaskListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnKey key = ReturnKey.parse(task.getExecution().getProcessBusinessKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ReturnService.ReturnForm form = returns.form(key);
      task.setVariableLocal(ObjectiveReturn.RETURN_HEADER, Json.variable(form.header()));
      task.setVariableLocal(ObjectiveReturn.KPIS, Json.variable(form.kpis()));
      task.setVariableLocal(ObjectiveReturn.OVERALL_STATUS, Variables.stringValue(form.overallStatus()));
      task.setVariableLocal(ObjectiveReturn.COMMENTARY, Variables.stringValue(form.commentary()));
      if (form.previousStatus() != null) {
        task.setVariableLocal(ObjectiveReturn.PREVIOUS_STATUS, form.previousStatus());
      }
      return;
    }
    returns.submit(key, text(task.getVariable(ObjectiveReturn.OVERALL_STATUS)),
        text(task.getVariable(ObjectiveReturn.COMMENTARY)),
        Json.read(task.getVariable(ObjectiveReturn.KPIS), ObjectiveReturn.KPIS).orElse(null),
        CurrentUser.of(task));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
