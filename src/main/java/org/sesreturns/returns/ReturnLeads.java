package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The assignees of the return's tasks, read from the application's record of the return (issued
 * from the catalogue, changed only by a coordinator's reassignment), never from a variable a
 * user could write.
 */
@Component("returnLeads")
public class ReturnLeads {

  private final ReturnService returns;

  ReturnLeads(ReturnService returns) {
    this.returns = returns;
  }

  public String projectLeadOf(DelegateExecution execution) {
    return returns.lead(ReturnKey.parse(execution.getProcessBusinessKey()), ReturnService.Role.PROJECT_LEAD);
  }

  public String sesLeadOf(DelegateExecution execution) {
    return returns.lead(ReturnKey.parse(execution.getProcessBusinessKey()), ReturnService.Role.SES_LEAD);
  }
}
