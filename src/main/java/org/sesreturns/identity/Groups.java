package org.sesreturns.identity;

/** The Camunda groups the catalogue's roles map to. */
public final class Groups {

  public static final String COORDINATORS = "ses-coordinators";
  public static final String PROJECT_LEADS = "ses-project-leads";
  public static final String SES_LEADS = "ses-leads";
  public static final String BOARD = "ses-board";
  /** Camunda's administrators' group, whose members the admin-user properties create. */
  public static final String ADMINS = "camunda-admin";

  private Groups() {}
}
