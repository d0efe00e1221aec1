package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Routes a new return to the objective's leads, as the catalogue names them. */
@Component
class IssueReturnExecutionListener implements ExecutionListener {

  private final ReturnService returns;

  IssueReturnExecutionListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    var objective = returns.objective(ReturnKey.parse(execution.getProcessBusinessKey()));
    execution.setVariable(ObjectiveReturn.PROJECT_LEAD, objective.projectLead());
    execution.setVariable(ObjectiveReturn.SES_LEAD, objective.sesLead());
  }
}
