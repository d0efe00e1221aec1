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
  /** What the review and presentation forms show: set when the task is created, removed when it ends. */
  public static final String PACK_FORM = "packForm";
  /** What the decision to compile without the missing returns shows: the returns outstanding. */
  public static final String MISSING_RETURNS = "missingReturns";
  /** Why the pack is compiled without the missing returns. */
  public static final String COMPILE_REASON = "compileReason";
  /**
   * The pack version the review form showed when the coordinator decided: a decision on a version
   * no longer under review (a late return made a newer one meanwhile) is refused.
   */
  public static final String REVIEWED_VERSION = "reviewedVersion";
  /** The executive summary the coordinator writes in the review, printed first in the pack. */
  public static final String EXECUTIVE_SUMMARY = "executiveSummary";
  /** Who started the cycle, as the start event records it. */
  public static final String INITIATOR = "initiator";

  /** Every variable the process holds at some point; a client may send no other. */
  static final java.util.List<String> ALL = java.util.List.of(PERIOD, RETURNS_DUE, BOARD_MEETING, INITIATOR,
      PACK_APPROVED, PACK_REVIEW_COMMENT, REOPEN_OBJECTIVES, BOARD_MEETING_HELD, BOARD_DECISIONS, PACK_FORM,
      MISSING_RETURNS, COMPILE_REASON, REVIEWED_VERSION, EXECUTIVE_SUMMARY);

  /** The batch one instance of the issuing step issues (0, 1, ...), local to it. */
  static final String ISSUE_BATCH = "issueBatch";
  /**
   * Set once every return is issued for the gateway after it, and gone at the next wait state
   * (transient): whether every return is signed off already.
   */
  static final String EVERY_RETURN_SIGNED_OFF = "everyReturnSignedOff";

  /** What the last return signed off tells the cycle waiting for its returns. */
  public static final String MESSAGE_RETURNS_SIGNED_OFF = "returnsSignedOff";

  public static final String TASK_REVIEW_PACK = "userTask_reviewPack";
  public static final String TASK_PRESENT_PACK = "userTask_presentPack";
  public static final String TASK_COMPILE_WITHOUT_MISSING = "userTask_compileWithoutMissing";

  private QuarterlyCycle() {}
}
