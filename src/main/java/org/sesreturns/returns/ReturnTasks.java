package org.sesreturns.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sesreturns.audit.AuditTrail;
import org.sesreturns.audit.ReturnEvent;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Status;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.NoLongerOpenException;
import org.sesreturns.identity.Access;
import org.sesreturns.identity.Caller;
import org.sesreturns.identity.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task side of a return: what its forms show, the lead's draft and submission, the SES lead's
 * sign-off, and a task handed to someone else. Each step checks that the caller is the person the
 * step belongs to by the application's record and that the return is in the state the step needs,
 * and records the change in the audit trail in the same transaction. The listeners of
 * objective-return.bpmn and the draft and return pages call it; other features ask
 * {@link ReturnService}.
 */
@Service
class ReturnTasks {

  private static final Set<ReturnStatus> OPEN_FOR_SUBMISSION =
      Set.of(ReturnStatus.ISSUED, ReturnStatus.RETURNED, ReturnStatus.REOPENED);

  private final ReturnService service;
  private final Catalogue catalogue;
  private final CycleOfReturns cycles;
  private final ReturnRepository returns;
  private final PreviousQuarter previousQuarter;
  private final ReturnValidator validator;
  private final AuditTrail audit;
  private final Access access;
  private final ReturnDrafts drafts;
  private final Clock clock;

  ReturnTasks(ReturnService service, Catalogue catalogue, CycleOfReturns cycles, ReturnRepository returns,
      PreviousQuarter previousQuarter, ReturnValidator validator, AuditTrail audit, Access access, ReturnDrafts drafts,
      Clock clock) {
    this.service = service;
    this.catalogue = catalogue;
    this.cycles = cycles;
    this.returns = returns;
    this.previousQuarter = previousQuarter;
    this.validator = validator;
    this.audit = audit;
    this.access = access;
    this.drafts = drafts;
    this.clock = clock;
  }

  /** The data a form shows: a header, the KPI rows, and the return's current entries. */
  record ReturnForm(ObjectNode header, ArrayNode kpis, String overallStatus, String commentary,
      String previousStatus) {}

  /**
   * The form of a return. Its rows start from the catalogue; a return that was sent back or
   * reopened keeps the lead's entries and carries the reason.
   */
  ReturnForm form(ReturnKey key) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    Catalogue.Objective objective = service.objective(key);
    StoredReturn stored = service.record(key);
    Optional<PreviousQuarter.Previous> previous = previousQuarter.of(cycle.period(), key.objectiveId());
    Optional<Submission> latest = stored.latest().map(StoredReturn.Version::submission);

    ObjectNode header = Json.mapper().createObjectNode();
    header.put("strategy", catalogue.strategy().title());
    header.put("board", catalogue.strategy().board());
    header.put("cycleKey", key.cycleKey());
    header.put("objectiveId", objective.id());
    header.put("objective", objective.title());
    header.put("sesLead", catalogue.person(objective.sesLead()).name());
    header.put("projectLead", catalogue.person(objective.projectLead()).name());
    header.put("period", cycle.period().text());
    header.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    // this round's due date: a return sent back late is due some working days after
    header.put("returnsDue", service.round(key).due().toString());
    header.put("status", stored.status().word());
    previous.ifPresent(p -> {
      header.put("previousStatus", p.overallStatus().label());
      header.put("previousPeriod", p.period().text());
    });
    if (stored.status() == ReturnStatus.RETURNED) {
      stored.latest().ifPresent(v -> {
        header.put("sentBackBy", name(v.decidedBy()));
        header.put("sentBackComment", v.decisionComment());
      });
    } else if (stored.status() == ReturnStatus.REOPENED) {
      header.put("sentBackBy", "the coordinator");
      returns.reopenComment(stored.id()).ifPresent(c -> header.put("sentBackComment", c));
    }
    stored.latest().ifPresent(v -> {
      header.put("submittedBy", name(v.submittedBy()));
      header.put("submittedAt", v.submittedAt().toString());
    });
    // for the SES lead: what was said at each earlier round, and what the latest submission changed
    List<StoredReturn.Version> versions = stored.latest().isPresent() ? returns.versions(stored.id()) : List.of();
    ArrayNode history = header.putArray("history");
    versions.stream().filter(v -> v.decision() != null).forEach(v -> history.addObject()
        .put("version", v.version())
        .put("submittedBy", name(v.submittedBy()))
        .put("submittedAt", v.submittedAt().toString())
        .put("decision", "approved".equals(v.decision()) ? "signed off" : "sent back")
        .put("decidedBy", name(v.decidedBy()))
        .put("decidedAt", v.decidedAt() == null ? null : v.decidedAt().toString())
        .put("comment", v.decisionComment()));
    // only a signed-off return can have been reopened: a return never submitted costs no query here
    (versions.isEmpty() ? Optional.<ReturnRepository.Reopening>empty() : returns.reopening(stored.id()))
        .ifPresent(r -> history.addObject()
        .put("decision", "reopened from the pack review")
        .put("decidedBy", name(r.by()))
        .put("decidedAt", r.at().toString())
        .put("comment", r.comment()));
    Optional<Submission> before = versions.size() < 2 ? Optional.empty()
        : Optional.of(versions.get(versions.size() - 2).submission());
    before.ifPresent(b -> {
      header.put("changedSinceVersion", versions.get(versions.size() - 2).version());
      latest.ifPresent(now -> {
        if (b.overallStatus() != now.overallStatus()) {
          header.put("overallStatusBefore", b.overallStatus().word());
        }
        if (!Objects.equals(b.commentary(), now.commentary())) {
          header.put("commentaryBefore", b.commentary());
        }
      });
    });

    ArrayNode kpis = Json.mapper().createArrayNode();
    for (Catalogue.Kpi kpi : objective.kpis()) {
      ObjectNode row = kpis.addObject();
      row.put("kpi", kpi.id());
      row.put("title", kpi.title());
      row.put("type", kpi.type().word());
      row.put("target", kpi.target());
      row.put("unit", kpi.unit());
      row.put("baseline", kpi.baseline());
      row.put("notes", kpi.notes());
      row.put("expected", kpi.type().expected());
      row.put("pattern", kpi.type().inputPattern());
      previous.map(p -> p.kpis().get(kpi.id())).ifPresent(f -> {
        row.put("lastAchieved", f.achieved());
        row.put("lastStatus", f.status().word());
      });
      Optional<Submission.KpiValue> entered = latest.flatMap(
          s -> s.kpis().stream().filter(k -> kpi.id().equals(k.kpiId())).findFirst());
      row.put("achieved", entered.map(Submission.KpiValue::achieved).orElse(""));
      row.put("status", entered.map(k -> k.status().word()).orElse(""));
      row.put("progress", entered.map(Submission.KpiValue::progress).orElse(""));
      before.flatMap(b -> b.kpis().stream().filter(k -> kpi.id().equals(k.kpiId())).findFirst())
          .ifPresent(was -> changes(row, was));
    }
    if (latest.isEmpty()) {
      // rows the lead added last quarter come back as suggestions: titled and targeted, to fill in or remove
      previous.ifPresent(p -> p.added().forEach(a -> {
        ObjectNode row = kpis.addObject();
        row.put("title", a.title());
        row.put("type", "added");
        row.put("target", a.target());
        row.put("lastAchieved", a.achieved());
        row.put("lastStatus", a.status().word());
        row.put("achieved", "");
        row.put("status", "");
        row.put("progress", "");
        row.put("suggested", true);
      }));
    }
    latest.ifPresent(s -> s.kpis().stream().filter(k -> k.kpiId() == null).forEach(k -> {
      ObjectNode row = kpis.addObject();
      row.put("title", k.title());
      row.put("type", "added");
      row.put("target", k.target());
      row.put("achieved", k.achieved());
      row.put("status", k.status().word());
      row.put("progress", k.progress());
      before.flatMap(b -> b.kpis().stream().filter(w -> w.kpiId() == null && Objects.equals(w.title(), k.title())).findFirst())
          .ifPresentOrElse(was -> changes(row, was), () -> row.put("new", before.isPresent()));
    }));
    return new ReturnForm(header, kpis,
        latest.map(s -> s.overallStatus().word()).orElse(null),
        latest.map(Submission::commentary).orElse(null),
        previous.map(p -> p.overallStatus().word()).orElse(null));
  }

  /** Marks what a row's latest submission changed from the one before: each changed field's earlier value. */
  private static void changes(ObjectNode row, Submission.KpiValue was) {
    ObjectNode changed = Json.mapper().createObjectNode();
    if (!Objects.equals(Objects.toString(was.achieved(), ""), row.path("achieved").asText(""))) {
      changed.put("achieved", Objects.toString(was.achieved(), ""));
    }
    if (!was.status().word().equals(row.path("status").asText(""))) {
      changed.put("status", was.status().word());
    }
    if (!Objects.equals(Objects.toString(was.progress(), ""), row.path("progress").asText(""))) {
      changed.put("progress", Objects.toString(was.progress(), ""));
    }
    if (!changed.isEmpty()) {
      row.set("before", changed);
    }
  }

  /** The return's saved draft, for its project lead while it is open for them. */
  Optional<ReturnDrafts.Draft> draft(ReturnKey key, String user) {
    return drafts.find(requireWithProjectLead(key, user).id());
  }

  /** Keeps the form's entries as the return's draft, for its project lead while it is open for them. */
  @Transactional
  ReturnDrafts.Draft saveDraft(ReturnKey key, JsonNode entries, String user) {
    StoredReturn stored = requireWithProjectLead(key, user);
    return drafts.save(stored.id(), service.objective(key), entries, user, OffsetDateTime.now(clock));
  }

  /** Discards the draft: the lead starts again from what the form was given. */
  @Transactional
  void discardDraft(ReturnKey key, String user) {
    drafts.discard(requireWithProjectLead(key, user).id());
  }

  /**
   * The return, when the user is its project lead of record and it is open for them to submit:
   * the same rule for a submission and for a draft of one.
   */
  StoredReturn requireWithProjectLead(ReturnKey key, String user) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    StoredReturn stored = service.record(key);
    if (!user.equals(stored.projectLead())) {
      throw new NotAllowedException(name(user) + " is not the project lead of the return for '"
          + service.objective(key).title() + "': " + name(stored.projectLead()) + " submits it");
    }
    requireOpen(cycle, key);
    if (!OPEN_FOR_SUBMISSION.contains(stored.status())) {
      // a submission of a return already submitted: the same task completed twice at once
      throw new NoLongerOpenException("the return for '" + service.objective(key).title() + "' is "
          + stored.status().word() + " and cannot be submitted now");
    }
    return stored;
  }

  /**
   * Validates and stores a lead's submission. Refused when the caller is not the return's project
   * lead of record, or the cycle or the return is not open for it.
   */
  @Transactional
  Submission submit(ReturnKey key, String overallStatus, String commentary, JsonNode kpis, String user) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    StoredReturn stored = requireWithProjectLead(key, user);
    Submission submission = validator.validate(service.objective(key), overallStatus, commentary, kpis);
    Status previous = previousQuarter.of(cycle.period(), key.objectiveId())
        .map(PreviousQuarter.Previous::overallStatus).orElse(null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int version = stored.latest().map(v -> v.version() + 1).orElse(1);
    try {
      returns.addSubmission(stored.id(), version, previous, submission, user, now);
    } catch (org.springframework.dao.DuplicateKeyException storedMeanwhile) {
      // the same task completed twice at once: the other completion stored this version first
      throw new NoLongerOpenException("the return for '" + service.objective(key).title()
          + "' was submitted in the same moment and cannot be submitted again now");
    }
    returns.setStatus(stored.id(), ReturnStatus.SUBMITTED, now);
    // the draft is the submission now
    drafts.discard(stored.id());
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("status", stored.status().word());
    stored.latest().ifPresent(v -> before.put("submission", view(v.version(), v.submission())));
    audit.record(key.cycleKey(), key.objectiveId(), ReturnEvent.SUBMITTED, user, before,
        Map.of("status", ReturnStatus.SUBMITTED.word(), "submission", view(version, submission)));
    return submission;
  }

  /**
   * Records the SES lead's decision on the latest submission. Refused when the caller is not the
   * return's SES lead of record, or submitted it: nobody signs off their own return.
   */
  @Transactional
  boolean signOff(ReturnKey key, Boolean approved, String comment, String user) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    StoredReturn stored = service.record(key);
    if (!user.equals(stored.sesLead())) {
      throw new NotAllowedException(name(user) + " is not the SES lead of the return for '" + service.objective(key).title()
          + "': " + name(stored.sesLead()) + " signs it off");
    }
    if (user.equals(stored.projectLead()) || stored.latest().map(v -> user.equals(v.submittedBy())).orElse(false)) {
      throw new NotAllowedException(name(user) + " submitted the return for '" + service.objective(key).title()
          + "' and cannot sign it off");
    }
    requireOpen(cycle, key);
    if (stored.status() != ReturnStatus.SUBMITTED || stored.latest().isEmpty()) {
      // the sign-off task exists only while the return is submitted: another sign-off of it was
      // stored in the same moment
      throw new NoLongerOpenException("the return for '" + service.objective(key).title() + "' is "
          + stored.status().word() + " and cannot be signed off now");
    }
    validator.validateSignOff(approved, comment);
    boolean yes = approved;
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    OffsetDateTime now = OffsetDateTime.now(clock);
    ReturnStatus status = yes ? ReturnStatus.SIGNED_OFF : ReturnStatus.RETURNED;
    returns.decide(stored.latest().get().id(), yes ? "approved" : "returned", user, text, now);
    returns.setStatus(stored.id(), status, now);
    if (!yes) {
      returns.startRound(stored.id(), service.resubmissionDue(key.cycleKey(), now), now);
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", status.word());
    after.put("version", stored.latest().get().version());
    if (text != null) {
      after.put("comment", text);
    }
    audit.record(key.cycleKey(), key.objectiveId(), yes ? ReturnEvent.SIGNED_OFF : ReturnEvent.SENT_BACK, user,
        Map.of("status", stored.status().word()), after);
    return yes;
  }

  /**
   * A task of the return was given to {@code assignee}. Nothing happens when it is the person of
   * record; otherwise only a coordinator or an administrator may do it, to a person of the
   * catalogue who is not on the other side of the return, and the new person becomes the one of
   * record: the one who may submit (or sign off) the return and is stored as having done it.
   */
  @Transactional
  void reassign(ReturnKey key, ReturnService.Role role, String assignee, Optional<Caller> caller) {
    // every task's creation passes here with its lead of record: answered from the two columns
    String current = role.of(service.leads(key));
    if (assignee != null && assignee.equals(current)) {
      return;
    }
    StoredReturn stored = service.record(key);
    Caller by = caller.filter(access::runsCycles).orElseThrow(() -> new NotAllowedException(
        "only coordinators and administrators reassign a return: the return for '" + service.objective(key).title()
            + "' stays with " + name(current)));
    if (assignee == null || assignee.isBlank()) {
      throw new InvalidInputException("assignee: a return is always someone's: name the person who takes it over");
    }
    if (!catalogue.people().containsKey(assignee)) {
      throw new InvalidInputException("assignee: '" + assignee + "' is not a person of the catalogue");
    }
    boolean conflict = role == ReturnService.Role.PROJECT_LEAD
        ? assignee.equals(stored.sesLead())
        : assignee.equals(stored.projectLead()) || stored.latest().map(v -> assignee.equals(v.submittedBy())).orElse(false);
    if (conflict) {
      throw new InvalidInputException("assignee: " + name(assignee) + " cannot both complete and sign off the return for '"
          + service.objective(key).title() + "'");
    }
    returns.setLead(stored.id(), role.column, assignee);
    audit.record(key.cycleKey(), key.objectiveId(), ReturnEvent.REASSIGNED, by.userId(), Map.of(role.field, current),
        Map.of(role.field, assignee));
  }

  /** A submission as the audit shows it. */
  private static Map<String, Object> view(int version, Submission submission) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("version", version);
    view.put("overallStatus", submission.overallStatus().word());
    view.put("commentary", submission.commentary());
    view.put("kpis", submission.kpis().stream().map(k -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kpi", k.kpiId());
      row.put("title", k.title());
      row.put("achieved", k.achieved());
      row.put("status", k.status().word());
      row.put("progress", k.progress());
      return row;
    }).toList());
    return view;
  }

  private CycleOfReturns.CycleFacts cycle(ReturnKey key) {
    return cycles.find(key.cycleKey()).orElseThrow(() -> new IllegalStateException("no cycle " + key.cycleKey()));
  }

  /** A return changes while its cycle collects returns; a late one also while its pack is reviewed and presented. */
  private void requireOpen(CycleOfReturns.CycleFacts cycle, ReturnKey key) {
    boolean lateAndPackNotClosed = cycle.stage() == CycleOfReturns.Stage.PACK_UNDER_WAY && returns.isLate(key);
    if (!cycle.collecting() && !lateAndPackNotClosed) {
      requireCollecting(cycle);
    }
  }

  private static void requireCollecting(CycleOfReturns.CycleFacts cycle) {
    if (!cycle.collecting()) {
      throw new InvalidInputException("the cycle " + cycle.period() + " is " + cycle.status()
          + ": its returns can no longer change");
    }
  }

  private String name(String userId) {
    return userId == null ? "nobody" : catalogue.nameOf(userId);
  }
}
