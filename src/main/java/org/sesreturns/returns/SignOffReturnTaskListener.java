package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/** Shows the SES lead the submitted return, read-only. */
@Component
class SignOffReturnTaskListener implements TaskListener {

  private final ReturnService returns;

  SignOffReturnTaskListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnService.ReturnForm form = returns.form(ReturnKey.parse(task.getExecution().getProcessBusinessKey()));
    task.setName(task.getName() + ": " + form.header().get("objective").asText());
    DelegateExecution execution = task.getExecution();
    execution.setVariable(ObjectiveReturn.RETURN_HEADER, Json.variable(form.header()));
    execution.setVariable(ObjectiveReturn.KPIS, Json.variable(form.kpis()));
    execution.setVariable(ObjectiveReturn.OVERALL_STATUS, form.overallStatus());
    execution.setVariable(ObjectiveReturn.COMMENTARY, Json.textVariable(form.commentary()));
    execution.setVariable(ObjectiveReturn.SIGN_OFF_COMMENT, Variables.stringValue(null));
    // a decision left over from an earlier round must never be taken for this one
    execution.setVariable(ObjectiveReturn.APPROVED, Variables.booleanValue(null));
  }
}
