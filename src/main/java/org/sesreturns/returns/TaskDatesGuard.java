package org.sesreturns.returns;

import java.util.Date;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.sesreturns.identity.NotAllowedException;
import org.springframework.stereotype.Component;

/**
 * A return's deadlines are the application's, not a person's: the due and follow-up dates of the
 * return and sign-off tasks follow from the cycle's due date and the reminder ladder, and the
 * ladder reads those, not the task. Tasklist (and the engine's REST API, to whoever may update a
 * task) would let a lead or a coordinator move them, so the task would show a date the reminders
 * ignore. Run on the task's update event, whichever client changed it: a change to either date is
 * refused and rolls back; a save that keeps them (a coordinator renaming or reassigning) passes.
 */
@Component
class TaskDatesGuard implements TaskListener {

  static final String REFUSED = "A return's due and follow-up dates are set by the application from the cycle's due date"
      + " and its reminders, and cannot be changed here. To give a lead more time, a coordinator sends the return back"
      + " or chases it.";

  private static final Set<String> DATES = Set.of(TaskEntity.DUE_DATE, TaskEntity.FOLLOW_UP_DATE);

  @Override
  public void notify(DelegateTask task) {
    if (!(task instanceof TaskEntity entity)) {
      return;
    }
    boolean moved = entity.getPropertyChanges().entrySet().stream()
        .filter(change -> DATES.contains(change.getKey()))
        .anyMatch(change -> !sameMoment(change.getValue().getOrgValue(), change.getValue().getNewValue()));
    if (moved) {
      throw new NotAllowedException(REFUSED);
    }
  }

  /** The stored date comes back from the database as a Timestamp, which never equals a Date: compare the instants. */
  private static boolean sameMoment(Object before, Object after) {
    if (before instanceof Date a && after instanceof Date b) {
      return a.getTime() == b.getTime();
    }
    return Objects.equals(before, after);
  }
}
