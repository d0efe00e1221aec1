package org.sesreturns.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
    ReturnService.ReturnForm form = returns.form(ReturnKey.parse(task.getExecution().getProcessBusinessKey()));
    ReturnFormVariables.show(task, form);
    LocalDate due = LocalDate.parse(form.header().get("returnsDue").asText());
    task.setDueDate(Date.from(due.atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }
}
