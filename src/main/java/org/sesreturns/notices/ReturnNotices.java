package org.sesreturns.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.mail.Letter;
import org.sesreturns.mail.Mail;
import org.sesreturns.mail.MessageKind;
import org.sesreturns.reminders.Deadlines;
import org.sesreturns.returns.CycleOfReturns;
import org.sesreturns.returns.ReturnInstances;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnService;
import org.sesreturns.returns.StoredReturn;
import org.springframework.stereotype.Component;

/**
 * The messages of a return's life, built from the application's record of it and sent by
 * {@link Mail}. Each message's key names the return's process instance, the state it reports
 * (the submission's version and the return's status) and the recipient, so a retried send step
 * finds it, and a return sent back twice gets both messages.
 */
@Component
class ReturnNotices {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final ReturnService returns;
  private final CycleOfReturns cycles;
  private final Catalogue catalogue;
  private final Mail mail;
  private final ReturnLadder ladder;
  private final ReturnInstances instances;
  private final Deadlines deadlines;
  private final Clock clock;

  ReturnNotices(ReturnService returns, CycleOfReturns cycles, Catalogue catalogue, Mail mail, ReturnLadder ladder,
      ReturnInstances instances, Deadlines deadlines, Clock clock) {
    this.returns = returns;
    this.cycles = cycles;
    this.catalogue = catalogue;
    this.mail = mail;
    this.ladder = ladder;
    this.instances = instances;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** The return is the project lead's to complete: issued, sent back or reopened. */
  void toComplete(ReturnKey key, String processInstanceId, String taskKey) {
    if (returns.isLate(key)) {
      // left out of a compiled pack: the lead is told it is overdue, the SES lead in copy
      overdue(key, processInstanceId, taskKey);
      return;
    }
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    MessageKind kind = switch (stored.status()) {
      case RETURNED -> MessageKind.RETURN_SENT_BACK;
      case REOPENED -> MessageKind.RETURN_REOPENED;
      default -> MessageKind.RETURN_ISSUED;
    };
    stored.latest().ifPresent(v -> {
      model.put("by", name(v.decidedBy()));
      model.put("comment", v.decisionComment() == null ? "" : v.decisionComment());
    });
    var round = returns.round(key);
    if (kind == MessageKind.RETURN_ISSUED && round.due().isBefore(today())) {
      // issued after its due date (a cycle started late, an objective added since): said plainly,
      // with the day the chasers begin
      model.put("overdue", true);
      model.put("nextChase", deadlines.nextOverdueChase(Deadlines.dayOf(round.startedAt().toInstant()), round.due())
          .format(DAY));
    }
    if (kind == MessageKind.RETURN_REOPENED) {
      model.put("comment", returns.reopenComment(stored));
    }
    String subject = switch (kind) {
      case RETURN_SENT_BACK -> "Sent back: your return for " + model.get("objective");
      case RETURN_REOPENED -> "Reopened: your return for " + model.get("objective");
      default -> "Your return for " + model.get("objective")
          + (model.containsKey("overdue") ? " is already overdue: it was due on " : " is due on ") + model.get("returnsDue");
    };
    send(kind, processInstanceId, "to-complete/" + round(stored), key, stored.projectLead(), subject, model);
  }

  /** The return awaits its SES lead's sign-off. */
  void awaitingSignOff(ReturnKey key, String processInstanceId, String taskKey) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    StoredReturn.Version latest = stored.latest().orElseThrow();
    model.put("lead", name(latest.submittedBy()));
    model.put("overallStatus", latest.submission().overallStatus().label());
    model.put("signOffDue", returns.signOffDue(key).format(DAY));
    send(MessageKind.AWAITING_SIGN_OFF, processInstanceId, "awaiting-sign-off/v" + latest.version(), key,
        stored.sesLead(), "To sign off: the return for " + model.get("objective"), model);
  }

  /** The return is signed off: its project lead is told. */
  void signedOff(ReturnKey key, String processInstanceId) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, null);
    StoredReturn.Version latest = stored.latest().orElseThrow();
    model.put("by", name(latest.decidedBy()));
    // a signed-off return has no task left to open: the link shows the return as it goes into the pack
    model.put("returnUrl", mail.link(key.pagePath()));
    send(MessageKind.RETURN_SIGNED_OFF, processInstanceId, "signed-off/v" + latest.version(), key, stored.projectLead(),
        "Signed off: your return for " + model.get("objective"), model);
  }

  /**
   * A coordinator chases the lead. Each chase is its own message: its key names the chase's
   * execution, the same across retries of its send step, new for the next chase.
   */
  void chase(ReturnKey key, String processInstanceId, String chaseExecutionId, String taskKey) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    send(MessageKind.RETURN_CHASED, processInstanceId, "chase/" + chaseExecutionId, key, stored.projectLead(),
        "Reminder: your return for " + model.get("objective") + " is due on " + model.get("returnsDue"), model);
  }

  /** The ladder's first reminder, some working days before the return is due. */
  void dueSoon(ReturnKey key, String processInstanceId, String taskKey) {
    if (!ladder.reminderBeforeDueIsLive(key)) {
      return; // the round began after this reminder's day: the message that began it gave the date
    }
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    LocalDate due = returns.round(key).due();
    // as configured, or fewer when the step ran late (a mail server down for a day)
    model.put("workingDaysLeft", Math.min(deadlines.workingDaysBetween(deadlines.firstReminder(due), due),
        Math.max(1, deadlines.workingDaysBetween(today(), due))));
    send(MessageKind.RETURN_DUE_SOON, processInstanceId, "due-soon/" + round(stored), key, stored.projectLead(),
        "Reminder: your return for " + model.get("objective") + " is due on " + model.get("returnsDue"), model);
  }

  /** The ladder's reminder on the due date. */
  void dueToday(ReturnKey key, String processInstanceId, String taskKey) {
    if (!ladder.dueDayReminderIsLive(key)) {
      return;
    }
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    send(MessageKind.RETURN_DUE_TODAY, processInstanceId, "due-today/" + round(stored), key, stored.projectLead(),
        "Due today: your return for " + model.get("objective"), model);
  }

  /** An overdue return's lead is chased, the SES lead in copy: one chaser a day at most. */
  void overdue(ReturnKey key, String processInstanceId, String taskKey) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    String userId = stored.projectLead();
    mail.send(List.of(new Letter(MessageKind.RETURN_OVERDUE,
        processInstanceId + "/overdue/" + round(stored) + "/" + today() + "/" + userId, key.cycleKey(), key.objectiveId(),
        recipient(userId), "Overdue: your return for " + model.get("objective") + " was due on " + model.get("returnsDue"),
        model, stored.sesLead().equals(userId) ? List.of() : List.of(recipient(stored.sesLead())))));
  }

  /** Long overdue: the coordinators and the SES lead are told, with the lead and the days overdue. */
  void escalated(ReturnKey key, String processInstanceId, String taskKey) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    int days = ladder.workingDaysOverdue(key, deadlines.escalateAfter());
    model.put("lead", name(stored.projectLead()));
    model.put("daysOverdue", days);
    String subject = "Escalated: the return for " + model.get("objective") + " is " + days + " working days overdue";
    send(MessageKind.RETURN_ESCALATED, processInstanceId, "escalated/" + round(stored), key,
        everyone(catalogue.coordinators(), stored.sesLead()), subject, model, List.of());
  }

  /** The SES lead is reminded of a return awaiting their sign-off. */
  void signOffReminder(ReturnKey key, String processInstanceId, String taskKey) {
    StoredReturn stored = returns.record(key);
    StoredReturn.Version latest = stored.latest().orElseThrow();
    Map<String, Object> model = signOffModel(key, processInstanceId, taskKey, latest);
    send(MessageKind.SIGN_OFF_REMINDER, processInstanceId, "sign-off-reminder/v" + latest.version(), key,
        List.of(stored.sesLead()), "Reminder: the return for " + model.get("objective") + " awaits your sign-off", model,
        List.of());
  }

  /** A sign-off long awaited: the coordinators are told, the SES lead in copy. */
  void signOffEscalated(ReturnKey key, String processInstanceId, String taskKey) {
    StoredReturn stored = returns.record(key);
    StoredReturn.Version latest = stored.latest().orElseThrow();
    Map<String, Object> model = signOffModel(key, processInstanceId, taskKey, latest);
    model.put("daysWaiting", Math.max(deadlines.signOffEscalateAfter(),
        deadlines.workingDaysBetween(Deadlines.dayOf(latest.submittedAt().toInstant()), today())));
    List<String> coordinators = everyone(catalogue.coordinators(), null);
    send(MessageKind.SIGN_OFF_ESCALATED, processInstanceId, "sign-off-escalated/v" + latest.version(), key, coordinators,
        "Escalated: the return for " + model.get("objective") + " awaits sign-off since " + model.get("submittedOn"),
        model, coordinators.contains(stored.sesLead()) ? List.of() : List.of(recipient(stored.sesLead())));
  }

  private Map<String, Object> signOffModel(ReturnKey key, String processInstanceId, String taskKey,
      StoredReturn.Version latest) {
    Map<String, Object> model = model(key, processInstanceId, taskKey);
    model.put("lead", name(latest.submittedBy()));
    model.put("submittedOn", Deadlines.dayOf(latest.submittedAt().toInstant()).format(DAY));
    model.put("signOffDue", returns.signOffDue(key).format(DAY));
    return model;
  }

  /** One letter to each person, the same message: its key names the state and the recipient. */
  private void send(MessageKind kind, String processInstanceId, String state, ReturnKey key, List<String> userIds,
      String subject, Map<String, Object> model, List<Letter.Recipient> cc) {
    mail.send(userIds.stream()
        .map(userId -> new Letter(kind, processInstanceId + "/" + state + "/" + userId, key.cycleKey(), key.objectiveId(),
            recipient(userId), subject, model, cc))
        .toList());
  }

  private static List<String> everyone(List<String> group, String andAlso) {
    var people = new LinkedHashSet<>(group);
    if (andAlso != null) {
      people.add(andAlso);
    }
    return List.copyOf(people);
  }

  private Letter.Recipient recipient(String userId) {
    return Letter.Recipient.of(catalogue.person(userId));
  }

  private LocalDate today() {
    return Deadlines.dayOf(clock.instant());
  }

  private void send(MessageKind kind, String processInstanceId, String state, ReturnKey key, String userId,
      String subject, Map<String, Object> model) {
    send(kind, processInstanceId, state, key, List.of(userId), subject, model, List.of());
  }

  /** What every message about the return shows, with a link straight to its open task when there is one. */
  private Map<String, Object> model(ReturnKey key, String processInstanceId, String taskKey) {
    Catalogue.Objective objective = catalogue.requireObjective(key.objectiveId());
    var cycle = cycles.find(key.cycleKey()).orElseThrow();
    Map<String, Object> model = new HashMap<>();
    model.put("objective", objective.title());
    model.put("period", cycle.period().text());
    model.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    // this round's due date: later than the cycle's for a return sent back late
    model.put("returnsDue", returns.round(key).due().format(DAY));
    model.put("sesLead", name(returns.record(key).sesLead()));
    if (taskKey != null) {
      instances.openTask(processInstanceId, taskKey).ifPresent(id -> model.put("tasklistUrl", mail.tasklistTask(id)));
    }
    return model;
  }

  /** Which round of the return this is: a message per round, however often its step runs. */
  private static String round(StoredReturn stored) {
    return "v" + stored.latest().map(StoredReturn.Version::version).orElse(0) + "-" + stored.status().word();
  }

  private String name(String userId) {
    return userId == null ? "" : catalogue.nameOf(userId);
  }
}
