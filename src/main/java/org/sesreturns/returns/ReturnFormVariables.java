package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.engine.Json;

/**
 * Puts a return's form data on the process for the task that shows it; both the lead's and the
 * SES lead's forms read the same variables. They are removed when the task's answer is stored.
 */
final class ReturnFormVariables {

  private ReturnFormVariables() {}

  static void show(DelegateTask task, ReturnTasks.ReturnForm form) {
    DelegateExecution execution = task.getExecution();
    execution.setVariable(ObjectiveReturn.RETURN_HEADER, Json.variable(form.header()));
    execution.setVariable(ObjectiveReturn.KPIS, Json.variable(form.kpis()));
    execution.setVariable(ObjectiveReturn.OVERALL_STATUS, Variables.stringValue(form.overallStatus()));
    // Json, not String: a commentary may be longer than the engine keeps in a String variable
    execution.setVariable(ObjectiveReturn.COMMENTARY, Json.textVariable(form.commentary()));
    if (form.previousStatus() != null) {
      execution.setVariable(ObjectiveReturn.PREVIOUS_STATUS, form.previousStatus());
    }
    // a lead or SES lead with several objectives tells their tasks apart in Tasklist by name
    task.setName(task.getName() + ": " + form.header().get("objective").asText());
  }
}
