package org.sesreturns.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.reminders.Deadlines;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnRound;
import org.sesreturns.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * When each step of a return's reminder ladder comes, for the timers of objective-return.bpmn:
 * read from the application's record of the return's round (its due date and when it began, or
 * when its latest submission came in), counted in working days by {@link Deadlines}. A round that
 * begins late never fires a chaser or an escalation on its first day: those come at least their
 * number of working days after the round began.
 */
@Component("returnLadder")
public class ReturnLadder {

  private final ReturnService returns;
  private final Deadlines deadlines;
  private final Clock clock;

  ReturnLadder(ReturnService returns, Deadlines deadlines, Clock clock) {
    this.returns = returns;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  public Date reminderBeforeDue(DelegateExecution execution) {
    return at(deadlines.firstReminder(round(execution).due()));
  }

  public Date dueDay(DelegateExecution execution) {
    return at(round(execution).due());
  }

  public Date firstOverdueChase(DelegateExecution execution) {
    ReturnRound round = round(execution);
    return at(deadlines.nextOverdueChase(startDay(round), round.due()));
  }

  /** The chaser after the one just sent: N working days on. */
  public Date nextOverdueChase(DelegateExecution execution) {
    return at(deadlines.nextOverdueChase(Deadlines.dayOf(clock.instant()), round(execution).due()));
  }

  public Date escalation(DelegateExecution execution) {
    ReturnRound round = round(execution);
    LocalDate onDueDate = deadlines.escalation(round.due());
    LocalDate afterRoundBegan = deadlines.escalation(startDay(round));
    return at(onDueDate.isAfter(afterRoundBegan) ? onDueDate : afterRoundBegan);
  }

  public Date signOffReminder(DelegateExecution execution) {
    return at(returns.signOffDue(ReturnKey.parse(execution.getProcessBusinessKey())));
  }

  public Date signOffEscalation(DelegateExecution execution) {
    return at(deadlines.signOffEscalation(returns.submittedDay(ReturnKey.parse(execution.getProcessBusinessKey()))));
  }

  /**
   * A reminder before the due date is said only if its moment came after the round began: a
   * return issued or sent back two days before it is due was told its date when it was issued.
   */
  boolean reminderBeforeDueIsLive(ReturnKey key) {
    ReturnRound round = returns.round(key);
    return Deadlines.morningOf(deadlines.firstReminder(round.due())).isAfter(round.startedAt().toInstant());
  }

  /** Likewise the reminder on the due date. */
  boolean dueDayReminderIsLive(ReturnKey key) {
    ReturnRound round = returns.round(key);
    return Deadlines.morningOf(round.due()).isAfter(round.startedAt().toInstant());
  }

  /** How many working days the return is overdue today; an escalation says at least its own number. */
  int workingDaysOverdue(ReturnKey key, int atLeast) {
    return Math.max(atLeast, deadlines.workingDaysBetween(returns.round(key).due(), Deadlines.dayOf(clock.instant())));
  }

  private ReturnRound round(DelegateExecution execution) {
    return returns.round(ReturnKey.parse(execution.getProcessBusinessKey()));
  }

  private static LocalDate startDay(ReturnRound round) {
    return Deadlines.dayOf(round.startedAt().toInstant());
  }

  private static Date at(LocalDate day) {
    Instant moment = Deadlines.morningOf(day);
    return Date.from(moment);
  }
}
