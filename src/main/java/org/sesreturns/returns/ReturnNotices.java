package org.sesreturns.returns;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.mail.Letter;
import org.sesreturns.mail.Mail;
import org.sesreturns.mail.MessageKind;
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

  ReturnNotices(ReturnService returns, CycleOfReturns cycles, Catalogue catalogue, Mail mail) {
    this.returns = returns;
    this.cycles = cycles;
    this.catalogue = catalogue;
    this.mail = mail;
  }

  /** The return is the project lead's to complete: issued, sent back or reopened. */
  void toComplete(ReturnKey key, String processInstanceId) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key);
    MessageKind kind = switch (stored.status()) {
      case RETURNED -> MessageKind.RETURN_SENT_BACK;
      case REOPENED -> MessageKind.RETURN_REOPENED;
      default -> MessageKind.RETURN_ISSUED;
    };
    stored.latest().ifPresent(v -> {
      model.put("by", name(v.decidedBy()));
      model.put("comment", v.decisionComment() == null ? "" : v.decisionComment());
    });
    if (kind == MessageKind.RETURN_REOPENED) {
      model.put("comment", returns.reopenComment(stored));
    }
    String subject = switch (kind) {
      case RETURN_SENT_BACK -> "Sent back: your return for " + model.get("objective");
      case RETURN_REOPENED -> "Reopened: your return for " + model.get("objective");
      default -> "Your return for " + model.get("objective") + " is due on " + model.get("returnsDue");
    };
    send(kind, processInstanceId, "to-complete/" + round(stored), key, stored.projectLead(), subject, model);
  }

  /** The return awaits its SES lead's sign-off. */
  void awaitingSignOff(ReturnKey key, String processInstanceId) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key);
    StoredReturn.Version latest = stored.latest().orElseThrow();
    model.put("lead", name(latest.submittedBy()));
    model.put("overallStatus", latest.submission().overallStatus().label());
    send(MessageKind.AWAITING_SIGN_OFF, processInstanceId, "awaiting-sign-off/v" + latest.version(), key,
        stored.sesLead(), "To sign off: the return for " + model.get("objective"), model);
  }

  /** The return is signed off: its project lead is told. */
  void signedOff(ReturnKey key, String processInstanceId) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key);
    StoredReturn.Version latest = stored.latest().orElseThrow();
    model.put("by", name(latest.decidedBy()));
    send(MessageKind.RETURN_SIGNED_OFF, processInstanceId, "signed-off/v" + latest.version(), key, stored.projectLead(),
        "Signed off: your return for " + model.get("objective"), model);
  }

  /**
   * A coordinator chases the lead. Each chase is its own message: its key names the chase's
   * execution, the same across retries of its send step, new for the next chase.
   */
  void chase(ReturnKey key, String processInstanceId, String chaseExecutionId) {
    StoredReturn stored = returns.record(key);
    Map<String, Object> model = model(key);
    send(MessageKind.RETURN_CHASED, processInstanceId, "chase/" + chaseExecutionId, key, stored.projectLead(),
        "Reminder: your return for " + model.get("objective") + " is due on " + model.get("returnsDue"), model);
  }

  private void send(MessageKind kind, String processInstanceId, String state, ReturnKey key, String userId,
      String subject, Map<String, Object> model) {
    mail.send(List.of(new Letter(kind, processInstanceId + "/" + state + "/" + userId, key.cycleKey(), key.objectiveId(),
        Letter.Recipient.of(catalogue.person(userId)), subject, model)));
  }

  private Map<String, Object> model(ReturnKey key) {
    Catalogue.Objective objective = catalogue.requireObjective(key.objectiveId());
    var cycle = cycles.find(key.cycleKey()).orElseThrow();
    Map<String, Object> model = new HashMap<>();
    model.put("objective", objective.title());
    model.put("period", cycle.period().text());
    model.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    model.put("returnsDue", cycle.returnsDue().format(DAY));
    model.put("sesLead", name(objective.sesLead()));
    return model;
  }

  /** Which round of the return this is: a message per round, however often its step runs. */
  private static String round(StoredReturn stored) {
    return "v" + stored.latest().map(StoredReturn.Version::version).orElse(0) + "-" + stored.status().word();
  }

  private String name(String userId) {
    return userId == null ? "" : catalogue.people().containsKey(userId) ? catalogue.person(userId).name() : userId;
  }
}
