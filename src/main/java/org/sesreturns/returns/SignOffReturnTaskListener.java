package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.sesreturns.engine.CurrentUser;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Component;

/** Shows the SES lead the submitted return, read-only, and records the sign-off or the sending back. */
@Component
class SignOffReturnTaskListener implements TaskListener {

  private final ReturnService returns;

  SignOffReturnTaskListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnKey key = ReturnKey.parse(task.getExecution().getProcessBusinessKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ReturnService.ReturnForm form = returns.form(key);
      task.setVariableLocal(ObjectiveReturn.RETURN_HEADER, Json.variable(form.header()));
      task.setVariableLocal(ObjectiveReturn.KPIS, Json.variable(form.kpis()));
      task.setVariableLocal(ObjectiveReturn.OVERALL_STATUS, form.overallStatus());
      task.setVariableLocal(ObjectiveReturn.COMMENTARY, form.commentary());
      task.setVariableLocal(ObjectiveReturn.SIGN_OFF_COMMENT, Variables.stringValue(null));
      // local, so a decision left over from an earlier round is never taken for this one
      task.setVariableLocal(ObjectiveReturn.APPROVED, Variables.booleanValue(null));
      return;
    }
    Object approved = task.getVariable(ObjectiveReturn.APPROVED);
    Object comment = task.getVariable(ObjectiveReturn.SIGN_OFF_COMMENT);
    boolean yes = returns.signOff(key, approved, comment == null ? null : comment.toString(), CurrentUser.of(task));
    // the gateway reads one Boolean on the process, whatever scope the client wrote it to
    task.getExecution().setVariable(ObjectiveReturn.APPROVED, yes);
  }
}
