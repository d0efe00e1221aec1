package org.sesreturns.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines and the reminder ladder, in working days.
 *
 * @param returnsDueAfterQuarter returns are due this many working days after the quarter ends,
 *     unless the coordinator sets the date when starting the cycle
 * @param firstReminderBefore the first reminder (a return task's follow-up date) comes this many
 *     working days before the due date; a second comes on the due date
 * @param resubmitWithin a return sent back or reopened is due again this many working days later,
 *     or when returns are due if that is later
 * @param overdueChaseEvery an overdue return's lead is chased every this many working days
 * @param escalateAfter this many working days overdue, the coordinators and the SES lead are told
 * @param signOffReminderAfter the SES lead is reminded of a return awaiting sign-off this many
 *     working days after it was submitted
 * @param signOffEscalateAfter this many working days after submission, a return still awaiting
 *     sign-off is escalated to the coordinators
 */
@ConfigurationProperties("ses.reminders")
public record ReminderProperties(
    @DefaultValue("15") int returnsDueAfterQuarter,
    @DefaultValue("5") int firstReminderBefore,
    @DefaultValue("5") int resubmitWithin,
    @DefaultValue("2") int overdueChaseEvery,
    @DefaultValue("5") int escalateAfter,
    @DefaultValue("2") int signOffReminderAfter,
    @DefaultValue("5") int signOffEscalateAfter) {}
