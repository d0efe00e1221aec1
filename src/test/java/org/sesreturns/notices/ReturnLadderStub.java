package org.sesreturns.notices;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The ladder's moments, as the process tests' stand-in for {@link ReturnLadder}: a return due on 22 April 2099, so no timer of the ladder is due unless a test fires it. */
public class ReturnLadderStub {

  public static final Date REMINDER_BEFORE_DUE = at("2099-04-15T08:00:00Z");
  public static final Date DUE_DAY = at("2099-04-22T08:00:00Z");
  public static final Date FIRST_OVERDUE_CHASE = at("2099-04-24T08:00:00Z");
  public static final Date NEXT_OVERDUE_CHASE = at("2099-04-26T08:00:00Z");
  public static final Date ESCALATION = at("2099-04-29T08:00:00Z");
  public static final Date SIGN_OFF_REMINDER = at("2099-04-25T08:00:00Z");
  public static final Date SIGN_OFF_ESCALATION = at("2099-04-30T08:00:00Z");

  public Date reminderBeforeDue(DelegateExecution execution) {
    return REMINDER_BEFORE_DUE;
  }

  public Date dueDay(DelegateExecution execution) {
    return DUE_DAY;
  }

  public Date firstOverdueChase(DelegateExecution execution) {
    return FIRST_OVERDUE_CHASE;
  }

  public Date nextOverdueChase(DelegateExecution execution) {
    return NEXT_OVERDUE_CHASE;
  }

  public Date escalation(DelegateExecution execution) {
    return ESCALATION;
  }

  public Date signOffReminder(DelegateExecution execution) {
    return SIGN_OFF_REMINDER;
  }

  public Date signOffEscalation(DelegateExecution execution) {
    return SIGN_OFF_ESCALATION;
  }

  private static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
