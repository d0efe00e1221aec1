package org.sesreturns.reminders;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Counts in working days: Monday to Friday, without the bank holidays of England and Wales as
 * Jollyday keeps them (substitute days included), so a deadline never lands on Easter Monday or
 * Boxing Day.
 */
@Component
public class WorkingDays {

  /** Jollyday's sub-calendar of the United Kingdom for England; Wales has the same bank holidays. */
  private static final String ENGLAND_AND_WALES = "eng";

  private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(day, ENGLAND_AND_WALES);
  }

  /** The working day that is {@code days} working days after {@code from} (0: {@code from} itself, moved on to a working day). */
  public LocalDate after(LocalDate from, int days) {
    LocalDate day = from;
    if (days == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The working day that is {@code days} working days before {@code from}. */
  public LocalDate before(LocalDate from, int days) {
    LocalDate day = from;
    for (int counted = 0; counted < days; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** How many working days come after {@code from} up to and including {@code to}: 0 when {@code to} is not after it. */
  public int between(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        days++;
      }
    }
    return days;
  }
}
