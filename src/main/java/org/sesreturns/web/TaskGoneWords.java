package org.sesreturns.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What a person is told when a link (from a message, a bookmark, another window) opens a task that
 * is no longer open: who completed it and when, in words, rather than the engine's "No matching
 * task with id ...". Names are given only to someone who may know them: the person the task was
 * theirs to do (the one the message went to), or whoever the engine lets read the process's
 * history (coordinators). Anyone else is told only that it is no longer open.
 *
 * <p>Each answer begins "No matching task": Tasklist 7.24 knows a task that has gone by those
 * words alone, and only then says so in its own words, drops the task from the address and
 * reloads the list; the rest of the answer follows as its message.
 */
final class TaskGoneWords {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

  static final String NOT_OPEN = "No matching task is open: there is nothing more to do in it."
      + " The task list shows what is waiting for you.";

  private TaskGoneWords() {}

  static String about(ProcessEngine engine, String taskId) {
    var identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return NOT_OPEN;
    }
    Optional<HistoricTaskInstance> readable = find(engine, taskId);
    identity.clearAuthentication();
    try {
      Optional<HistoricTaskInstance> task = readable.isPresent() ? readable : find(engine, taskId)
          .filter(t -> caller.getUserId().equals(t.getAssignee()) || caller.getUserId().equals(t.getOwner()));
      return task.filter(t -> t.getEndTime() != null).map(t -> words(engine, t)).orElse(NOT_OPEN);
    } finally {
      identity.setAuthentication(caller);
    }
  }

  private static Optional<HistoricTaskInstance> find(ProcessEngine engine, String taskId) {
    return Optional.ofNullable(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
  }

  private static String words(ProcessEngine engine, HistoricTaskInstance task) {
    String when = task.getEndTime().toInstant().atZone(UK).format(DAY);
    if (!"completed".equals(task.getDeleteReason()) || task.getAssignee() == null) {
      return "No matching task is open: '" + task.getName() + "' was closed on " + when
          + ", when the return moved on without it. The task list shows what is waiting for you.";
    }
    User user = engine.getIdentityService().createUserQuery().userId(task.getAssignee()).singleResult();
    String who = user == null ? task.getAssignee() : (user.getFirstName() + " " + user.getLastName()).trim();
    return "No matching task is open: '" + task.getName() + "' was completed by " + who + " on " + when
        + ". The task list shows what is waiting for you.";
  }
}
