package org.sesreturns.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import org.sesreturns.catalogue.Period;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * A cycle's deadlines and its reminder ladder, in working days. Reminders go out at the start of
 * a working day in the UK (09:00), and a return is due at the end of its due day (17:00).
 */
@Service
@EnableConfigurationProperties(ReminderProperties.class)
public class Deadlines {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final LocalTime MORNING = LocalTime.of(9, 0);
  private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

  private final WorkingDays workingDays;
  private final ReminderProperties properties;

  public Deadlines(WorkingDays workingDays, ReminderProperties properties) {
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /** When returns are due unless the coordinator says otherwise: N working days after the quarter's last day. */
  public LocalDate returnsDue(Period period, Month financialYearStart) {
    LocalDate quarterEnd = period.firstMonth(financialYearStart).plusMonths(2).atEndOfMonth();
    return workingDays.after(quarterEnd, properties.returnsDueAfterQuarter());
  }

  /** When a return sent back or reopened on {@code day} is due again: never before the cycle's due date. */
  public LocalDate resubmissionDue(LocalDate day, LocalDate returnsDue) {
    LocalDate due = workingDays.after(day, properties.resubmitWithin());
    return due.isAfter(returnsDue) ? due : returnsDue;
  }

  /** The first reminder, a return task's follow-up date: N working days before it is due. */
  public LocalDate firstReminder(LocalDate due) {
    return workingDays.before(due, properties.firstReminderBefore());
  }

  /** The first chaser of an overdue return. */
  public LocalDate firstOverdueChase(LocalDate due) {
    return workingDays.after(due, properties.overdueChaseEvery());
  }

  /** The chaser after one sent on {@code day} (or after the due date, if that is later). */
  public LocalDate nextOverdueChase(LocalDate day, LocalDate due) {
    return workingDays.after(day.isAfter(due) ? day : due, properties.overdueChaseEvery());
  }

  /** When an overdue return is escalated to the coordinators and its SES lead. */
  public LocalDate escalation(LocalDate due) {
    return workingDays.after(due, properties.escalateAfter());
  }

  public int escalateAfter() {
    return properties.escalateAfter();
  }

  /** When the SES lead is reminded of a return submitted on {@code submitted}. */
  public LocalDate signOffReminder(LocalDate submitted) {
    return workingDays.after(submitted, properties.signOffReminderAfter());
  }

  /** When a return submitted on {@code submitted} and not yet decided is escalated to the coordinators. */
  public LocalDate signOffEscalation(LocalDate submitted) {
    return workingDays.after(submitted, properties.signOffEscalateAfter());
  }

  public int signOffEscalateAfter() {
    return properties.signOffEscalateAfter();
  }

  /** Working days from {@code from} to {@code to}: 0 when {@code to} is not after it. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    return workingDays.between(from, to);
  }

  /** A ladder step's moment: the morning of its day, UK time. */
  public static Instant morningOf(LocalDate day) {
    return day.atTime(MORNING).atZone(UK).toInstant();
  }

  /** When a return is due: the end of its due day, UK time. */
  public static Instant endOf(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(UK).toInstant();
  }

  /** The UK date of an instant. */
  public static LocalDate dayOf(Instant instant) {
    return instant.atZone(UK).toLocalDate();
  }
}
