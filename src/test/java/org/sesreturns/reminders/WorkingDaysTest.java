package org.sesreturns.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Period;

/** Working days across the bank holidays of England and Wales, from Jollyday's calendar. */
class WorkingDaysTest {

  private final WorkingDays workingDays = new WorkingDays();
  private final Deadlines deadlines = new Deadlines(workingDays, new ReminderProperties(15, 5, 5, 2, 5, 2, 5));

  @Test
  void bankHolidaysAndWeekendsAreNotWorkingDays() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 3, 29))).as("Good Friday 2024").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 4, 1))).as("Easter Monday 2024").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 12, 25))).as("Christmas Day").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 12, 26))).as("Boxing Day").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 1))).as("New Year's Day").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 3, 30))).as("a Saturday").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 4, 2))).isTrue();
    // a substitute day: Boxing Day 2021 fell on a Sunday, so Tuesday 28 December was the holiday
    assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 12, 28))).isFalse();
    // Scotland's 2 January is not a holiday in England and Wales
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 1, 2))).isTrue();
  }

  @Test
  void aQuarterEndingAtEasterIsDueFifteenWorkingDaysLater() {
    // 2023-24 Q4 ends on Sunday 31 March 2024; Easter Monday (1 April) does not count
    LocalDate due = deadlines.returnsDue(Period.parse("2023-24 Q4"), Month.APRIL);
    assertThat(due).isEqualTo(LocalDate.of(2024, 4, 22));
    // the first reminder, 5 working days before a due date just after Easter, skips Good Friday and Easter Monday
    assertThat(deadlines.firstReminder(LocalDate.of(2024, 4, 5))).isEqualTo(LocalDate.of(2024, 3, 27));
  }

  @Test
  void aQuarterEndingAtChristmasIsDueFifteenWorkingDaysAfterNewYear() {
    // a calendar-year strategy's Q4 (Oct-Dec 2024) ends on Tuesday 31 December; 1 January does not count
    LocalDate due = deadlines.returnsDue(Period.parse("2024-25 Q4"), Month.JANUARY);
    assertThat(due).isEqualTo(LocalDate.of(2025, 1, 22));
    // five working days before 2 January 2025 skip New Year's Day, the weekend, Boxing Day and Christmas Day
    assertThat(deadlines.firstReminder(LocalDate.of(2025, 1, 2))).isEqualTo(LocalDate.of(2024, 12, 23));
    assertThat(workingDays.after(LocalDate.of(2024, 12, 24), 1)).isEqualTo(LocalDate.of(2024, 12, 27));
  }

  @Test
  void zeroWorkingDaysAfterAHolidayIsTheNextWorkingDay() {
    assertThat(workingDays.after(LocalDate.of(2024, 12, 25), 0)).isEqualTo(LocalDate.of(2024, 12, 27));
    assertThat(workingDays.after(LocalDate.of(2024, 4, 2), 0)).isEqualTo(LocalDate.of(2024, 4, 2));
  }

  @Test
  void theLadderAroundEasterCountsOnlyWorkingDays() {
    // returns of Jan-Mar 2024 due on Monday 22 April 2024
    LocalDate due = LocalDate.of(2024, 4, 22);
    assertThat(deadlines.firstReminder(due)).isEqualTo(LocalDate.of(2024, 4, 15));
    assertThat(deadlines.firstOverdueChase(due)).isEqualTo(LocalDate.of(2024, 4, 24));
    assertThat(deadlines.nextOverdueChase(LocalDate.of(2024, 4, 24), due)).isEqualTo(LocalDate.of(2024, 4, 26));
    // the May Day bank holiday (Monday 6 May 2024) is skipped
    assertThat(deadlines.nextOverdueChase(LocalDate.of(2024, 5, 2), due)).isEqualTo(LocalDate.of(2024, 5, 7));
    assertThat(deadlines.escalation(due)).isEqualTo(LocalDate.of(2024, 4, 29));
    assertThat(deadlines.workingDaysBetween(due, LocalDate.of(2024, 4, 29))).isEqualTo(5);
    // sent back on Thursday 28 March 2024: five working days skip Good Friday and Easter Monday
    assertThat(deadlines.resubmissionDue(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 3, 1)))
        .isEqualTo(LocalDate.of(2024, 4, 8));
    // sent back well before returns are due: still due with everyone else's
    assertThat(deadlines.resubmissionDue(LocalDate.of(2024, 4, 2), due)).isEqualTo(due);
    // a return submitted on Christmas Eve 2024 awaits sign-off; the reminder skips the holidays
    assertThat(deadlines.signOffReminder(LocalDate.of(2024, 12, 24))).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(deadlines.signOffEscalation(LocalDate.of(2024, 12, 24))).isEqualTo(LocalDate.of(2025, 1, 3));
    assertThat(deadlines.workingDaysBetween(LocalDate.of(2024, 4, 29), due)).isZero();
  }
}
