package org.sesreturns.returns;

import java.util.List;

/**
 * The names of objectiveReturnProcess: its key, tasks and variables. Who completes and who signs
 * off a return are not variables: they are the application's record of the return
 * ({@link ReturnLeads}).
 */
public final class ObjectiveReturn {

  public static final String PROCESS_KEY = "objectiveReturnProcess";

  /** The SES lead's decision; the gateway reads it once the decision is stored. */
  public static final String APPROVED = "approved";

  /** Form data, on the process only while a task is open. */
  public static final String RETURN_HEADER = "returnHeader";
  public static final String KPIS = "kpis";
  public static final String OVERALL_STATUS = "overallStatus";
  public static final String COMMENTARY = "commentary";
  public static final String PREVIOUS_STATUS = "previousStatus";
  public static final String SIGN_OFF_COMMENT = "signOffComment";

  static final List<String> FORM_DATA = List.of(RETURN_HEADER, KPIS, OVERALL_STATUS, COMMENTARY, PREVIOUS_STATUS);

  /** Every variable the process holds at some point; a client may send no other. */
  static final List<String> ALL = List.of(RETURN_HEADER, KPIS, OVERALL_STATUS, COMMENTARY, PREVIOUS_STATUS,
      SIGN_OFF_COMMENT, APPROVED);

  /** The message a coordinator's chaser sends to the lead's open return. */
  public static final String MESSAGE_CHASE = "returnChaseRequested";

  public static final String TASK_COMPLETE_RETURN = "userTask_completeReturn";
  public static final String TASK_SIGN_OFF_RETURN = "userTask_signOffReturn";
  /** The round with the SES lead: where a late return that was submitted goes on. */
  static final String WITH_SES_LEAD = "subProcess_returnWithSesLead";

  private ObjectiveReturn() {}
}
