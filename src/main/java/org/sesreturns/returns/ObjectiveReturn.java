package org.sesreturns.returns;

/** The names of objectiveReturnProcess: its key, tasks and variables. */
public final class ObjectiveReturn {

  public static final String PROCESS_KEY = "objectiveReturnProcess";

  /** Routing facts: who completes and who signs off the return. */
  public static final String PROJECT_LEAD = "projectLead";
  public static final String SES_LEAD = "sesLead";
  public static final String APPROVED = "approved";

  /** Form data, on the process only while a task is open. */
  public static final String RETURN_HEADER = "returnHeader";
  public static final String KPIS = "kpis";
  public static final String OVERALL_STATUS = "overallStatus";
  public static final String COMMENTARY = "commentary";
  public static final String PREVIOUS_STATUS = "previousStatus";
  public static final String SIGN_OFF_COMMENT = "signOffComment";

  static final java.util.List<String> FORM_DATA =
      java.util.List.of(RETURN_HEADER, KPIS, OVERALL_STATUS, COMMENTARY, PREVIOUS_STATUS);

  public static final String TASK_COMPLETE_RETURN = "userTask_completeReturn";
  public static final String TASK_SIGN_OFF_RETURN = "userTask_signOffReturn";

  private ObjectiveReturn() {}
}
