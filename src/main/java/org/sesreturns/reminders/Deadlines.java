package org.sesreturns.reminders;

import java.time.LocalDate;
import java.time.Month;
import org.sesreturns.catalogue.Period;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** A cycle's deadlines, in working days from the end of its quarter. */
@Service
@EnableConfigurationProperties(ReminderProperties.class)
public class Deadlines {

  private final WorkingDays workingDays;
  private final ReminderProperties properties;

  Deadlines(WorkingDays workingDays, ReminderProperties properties) {
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /** When returns are due unless the coordinator says otherwise: N working days after the quarter's last day. */
  public LocalDate returnsDue(Period period, Month financialYearStart) {
    LocalDate quarterEnd = period.firstMonth(financialYearStart).plusMonths(2).atEndOfMonth();
    return workingDays.after(quarterEnd, properties.returnsDueAfterQuarter());
  }

  /** The first reminder, a return task's follow-up date: N working days before it is due. */
  public LocalDate firstReminder(LocalDate due) {
    return workingDays.before(due, properties.firstReminderBefore());
  }
}
