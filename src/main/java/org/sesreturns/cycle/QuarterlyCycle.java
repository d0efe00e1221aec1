package org.sesreturns.cycle;

/** The names of quarterlyCycleProcess: its key, activities and the few variables it carries. */
public final class QuarterlyCycle {

  public static final String PROCESS_KEY = "quarterlyCycleProcess";

  public static final String PERIOD = "period";
  public static final String RETURNS_DUE = "returnsDue";
  public static final String BOARD_MEETING = "boardMeeting";
  public static final String PACK_APPROVED = "packApproved";
  public static final String PACK_REVIEW_COMMENT = "packReviewComment";
  public static final String REOPEN_OBJECTIVES = "reopenObjectives";
  public static final String BOARD_MEETING_HELD = "boardMeetingHeld";
  public static final String BOARD_DECISIONS = "boardDecisions";
  /** Task-local: what the review and presentation forms show. */
  public static final String PACK_FORM = "packForm";

  public static final String TASK_REVIEW_PACK = "userTask_reviewPack";
  public static final String TASK_PRESENT_PACK = "userTask_presentPack";

  private QuarterlyCycle() {}
}
