package org.sesreturns.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/**
 * Fills the return form when the task is created: the header, the KPI rows (with the lead's
 * entries when a return comes back) and the previous status. The task is due when returns are.
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
    ReturnService.ReturnForm form = returns.form(key);
    DelegateExecution execution = task.getExecution();
    execution.setVariable(ObjectiveReturn.RETURN_HEADER, Json.variable(form.header()));
    execution.setVariable(ObjectiveReturn.KPIS, Json.variable(form.kpis()));
    execution.setVariable(ObjectiveReturn.OVERALL_STATUS, Variables.stringValue(form.overallStatus()));
    execution.setVariable(ObjectiveReturn.COMMENTARY, Json.textVariable(form.commentary()));
    if (form.previousStatus() != null) {
      execution.setVariable(ObjectiveReturn.PREVIOUS_STATUS, form.previousStatus());
    }
    // a lead or SES lead with several objectives tells their tasks apart in Tasklist by name
    task.setName(task.getName() + ": " + form.header().get("objective").asText());
    LocalDate due = LocalDate.parse(form.header().get("returnsDue").asText());
    task.setDueDate(Date.from(due.atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }
}
