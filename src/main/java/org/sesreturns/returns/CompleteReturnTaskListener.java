package org.sesreturns.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sesreturns.reminders.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Fills the return form when the task is created: the header, the KPI rows (with the lead's
 * entries when a return comes back) and the previous status. The task is due when returns are,
 * and its follow-up date is the first reminder (or the task's making, when that day has passed), so Tasklist sorts and filters by both;
 * {@link TaskDatesGuard} keeps them as set.
 */
@Component
class CompleteReturnTaskListener implements TaskListener {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final ReturnTasks returnTasks;
  private final Deadlines deadlines;
  private final Clock clock;

  CompleteReturnTaskListener(ReturnTasks returnTasks, Deadlines deadlines, Clock clock) {
    this.returnTasks = returnTasks;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnTasks.ReturnForm form = returnTasks.form(ReturnKey.parse(task.getExecution().getProcessBusinessKey()));
    ReturnFormVariables.show(task, form);
    LocalDate due = LocalDate.parse(form.header().get("returnsDue").asText());
    task.setDueDate(Date.from(due.atTime(17, 0).atZone(UK).toInstant()));
    Instant firstReminder = deadlines.firstReminder(due).atTime(9, 0).atZone(UK).toInstant();
    // a return issued or sent back after its first reminder's day is to be followed up from now
    // (Tasklist's "My returns due soon" lists it), not from a moment before the task existed: a task
    // just made must not read "Follow-up 7 hours ago"
    Instant now = clock.instant();
    task.setFollowUpDate(Date.from(firstReminder.isAfter(now) ? firstReminder : now));
  }
}
