package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The return's people of record, as the process tests' stand-in for {@link ReturnLeads}. */
public class ReturnLeadsStub {

  public static final String PROJECT_LEAD = "mike.mullin";
  public static final String SES_LEAD = "stuart.barnes";

  public String projectLeadOf(DelegateExecution execution) {
    return PROJECT_LEAD;
  }

  public String sesLeadOf(DelegateExecution execution) {
    return SES_LEAD;
  }
}
