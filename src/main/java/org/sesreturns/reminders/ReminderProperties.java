package org.sesreturns.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines in working days.
 *
 * @param returnsDueAfterQuarter returns are due this many working days after the quarter ends,
 *     unless the coordinator sets the date when starting the cycle
 * @param firstReminderBefore the first reminder (a return task's follow-up date) comes this many
 *     working days before the due date
 */
@ConfigurationProperties("ses.reminders")
public record ReminderProperties(
    @DefaultValue("15") int returnsDueAfterQuarter,
    @DefaultValue("5") int firstReminderBefore) {}
