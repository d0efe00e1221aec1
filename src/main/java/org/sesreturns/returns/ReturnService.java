package org.sesreturns.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
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
import org.sesreturns.engine.Caller;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.NoLongerOpenException;
import org.sesreturns.engine.NotAllowedException;
import org.sesreturns.identity.Access;
import org.sesreturns.reminders.Deadlines;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One objective's return: issuing it to the people the catalogue names, what its forms show, its
 * submission, sign-off, reopening and reassignment. Every step checks that the caller is the
 * person the step belongs to by the application's record and that the return is in the state the
 * step needs, and records the change in the audit trail in the same transaction.
 */
@Service
public class ReturnService {

  private static final Set<ReturnStatus> OPEN_FOR_SUBMISSION =
      Set.of(ReturnStatus.ISSUED, ReturnStatus.RETURNED, ReturnStatus.REOPENED);

  private final Catalogue catalogue;
  private final CycleOfReturns cycles;
  private final ReturnRepository returns;
  private final PreviousQuarter previousQuarter;
  private final ReturnValidator validator;
  private final AuditTrail audit;
  private final Access access;
  private final Deadlines deadlines;
  private final ReturnDrafts drafts;
  private final Clock clock;

  ReturnService(Catalogue catalogue, CycleOfReturns cycles, ReturnRepository returns,
      PreviousQuarter previousQuarter, ReturnValidator validator, AuditTrail audit, Access access, Deadlines deadlines,
      ReturnDrafts drafts, Clock clock) {
    this.drafts = drafts;
    this.catalogue = catalogue;
    this.cycles = cycles;
    this.returns = returns;
    this.previousQuarter = previousQuarter;
    this.validator = validator;
    this.audit = audit;
    this.access = access;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** Who completes a return and who signs it off. */
  public enum Role {
    PROJECT_LEAD("project_lead", "projectLead"),
    SES_LEAD("ses_lead", "sesLead");

    private final String column;
    private final String field;

    Role(String column, String field) {
      this.column = column;
      this.field = field;
    }

    String of(ReturnRepository.Leads leads) {
      return this == PROJECT_LEAD ? leads.projectLead() : leads.sesLead();
    }
  }

  /** Issues the returns of these objectives to the leads the catalogue names now. */
  @Transactional
  public void issue(String cycleKey, List<String> objectiveIds, String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate due = cycles.find(cycleKey).orElseThrow().returnsDue();
    for (String objectiveId : objectiveIds) {
      Catalogue.Objective objective = catalogue.requireObjective(objectiveId);
      returns.issue(new ReturnKey(cycleKey, objectiveId), objective.projectLead(), objective.sesLead(), due, now);
      audit.record(cycleKey, objectiveId, ReturnEvent.ISSUED, actor, null,
          state(ReturnStatus.ISSUED, objective.projectLead(), objective.sesLead()));
    }
  }

  /**
   * Issues again, when a cancelled cycle is started again, every return that was not signed off;
   * objectives added to the catalogue since get theirs. What the returns stored is kept.
   */
  @Transactional
  public void reissue(String cycleKey, List<String> objectiveIds, String actor) {
    var states = returns.states(cycleKey);
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate due = cycles.find(cycleKey).orElseThrow().returnsDue();
    for (var entry : states.entrySet()) {
      if (entry.getValue().status() == ReturnStatus.SIGNED_OFF) {
        continue;
      }
      if (entry.getValue().status() != ReturnStatus.ISSUED) {
        returns.setStatus(entry.getValue().id(), ReturnStatus.ISSUED, now);
        audit.record(cycleKey, entry.getKey(), ReturnEvent.ISSUED, actor, Map.of("status", entry.getValue().status().word()),
            Map.of("status", ReturnStatus.ISSUED.word()));
      }
      // due when the restarted cycle says, with its ladder from today
      returns.startRound(entry.getValue().id(), due, now);
    }
    issue(cycleKey, objectiveIds.stream().filter(id -> !states.containsKey(id)).toList(), actor);
  }

  /**
   * The objectives, in catalogue order, whose returns are issued and not yet signed off, leaving
   * out late returns: those go on in instances of their own.
   */
  public List<String> toCollect(String cycleKey) {
    var states = returns.states(cycleKey);
    return catalogue.objectives().stream().map(Catalogue.Objective::id)
        .filter(id -> states.containsKey(id) && states.get(id).status() != ReturnStatus.SIGNED_OFF && !states.get(id).late())
        .toList();
  }

  /**
   * Marks the returns left out of a pack compiled without them as late, from now: they stay open,
   * and their reminders start again from today (a chaser in a few working days, then an escalation).
   */
  @Transactional
  public void markLate(String cycleKey, List<String> objectiveIds, String actor) {
    var states = returns.states(cycleKey);
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (String id : objectiveIds) {
      var state = states.get(id);
      if (state == null || state.status() == ReturnStatus.SIGNED_OFF) {
        throw new IllegalStateException("the return for '" + id + "' is not outstanding");
      }
      returns.markLate(state.id(), now);
      audit.record(cycleKey, id, ReturnEvent.MARKED_LATE, actor, Map.of("status", state.status().word()),
          Map.of("status", state.status().word(), "late", true));
    }
  }

  /** Whether the return was left out of a compiled pack and goes on as a late return. */
  public boolean isLate(ReturnKey key) {
    return returns.isLate(key);
  }

  /** The return's status by the application's record. */
  /** Whether the cycle has a return for the objective: one row read, whatever the cycle's size. */
  boolean exists(ReturnKey key) {
    return returns.leads(key).isPresent();
  }

  public ReturnStatus status(ReturnKey key) {
    return stored(key).status();
  }

  /** Every return of the cycle with its latest submission, in the order they were issued. */
  public List<StoredReturn> all(String cycleKey) {
    return returns.findAll(cycleKey);
  }

  /**
   * Reopens signed-off returns for correction from the pack review; they go back to their project
   * leads with the coordinator's comment.
   */
  @Transactional
  public void reopen(String cycleKey, List<String> objectiveIds, String comment, String actor) {
    var states = returns.states(cycleKey);
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (String id : objectiveIds) {
      var state = states.get(id);
      if (state == null || state.status() != ReturnStatus.SIGNED_OFF) {
        throw new InvalidInputException("reopenObjectives: the return for '" + id + "' is "
            + (state == null ? "not issued" : state.status().word()) + ", not signed off");
      }
      returns.reopen(state.id(), actor, comment, now);
      returns.startRound(state.id(), resubmissionDue(cycleKey, now), now);
      audit.record(cycleKey, id, ReturnEvent.REOPENED, actor, Map.of("status", ReturnStatus.SIGNED_OFF.word()),
          Map.of("status", ReturnStatus.REOPENED.word(), "comment", comment));
    }
  }

  /** A return sent back or reopened now gets working days to mend it, and is never due before the cycle's returns. */
  private LocalDate resubmissionDue(String cycleKey, OffsetDateTime now) {
    return deadlines.resubmissionDue(Deadlines.dayOf(now.toInstant()), cycles.find(cycleKey).orElseThrow().returnsDue());
  }

  /** The return's current round: when it is due and when the round began. */
  ReturnRepository.Round round(ReturnKey key) {
    return returns.round(key).orElseThrow(() -> new IllegalStateException("no return " + key));
  }

  /** When the return was last submitted, if it was. */
  Optional<OffsetDateTime> lastSubmittedAt(ReturnKey key) {
    return returns.lastSubmittedAt(key);
  }

  /** The return as recorded, with its people and its latest submission. */
  StoredReturn record(ReturnKey key) {
    return stored(key);
  }

  /** Why the coordinator reopened the return, if they did. */
  String reopenComment(StoredReturn stored) {
    return returns.reopenComment(stored.id()).orElse("");
  }

  /** The person who holds the role on the return now, by the application's record. */
  public String lead(ReturnKey key, Role role) {
    return role.of(leads(key));
  }

  /**
   * A task of the return was given to {@code assignee}. Nothing happens when it is the person of
   * record; otherwise only a coordinator or an administrator may do it, to a person of the
   * catalogue who is not on the other side of the return, and the new person becomes the one of
   * record: the one who may submit (or sign off) the return and is stored as having done it.
   */
  @Transactional
  public void reassign(ReturnKey key, Role role, String assignee, Optional<Caller> caller) {
    // every task's creation passes here with its lead of record: answered from the two columns
    String current = role.of(leads(key));
    if (assignee != null && assignee.equals(current)) {
      return;
    }
    StoredReturn stored = stored(key);
    Caller by = caller.filter(access::runsCycles).orElseThrow(() -> new NotAllowedException(
        "only coordinators and administrators reassign a return: the return for '" + objective(key).title()
            + "' stays with " + name(current)));
    if (assignee == null || assignee.isBlank()) {
      throw new InvalidInputException("assignee: a return is always someone's: name the person who takes it over");
    }
    if (!catalogue.people().containsKey(assignee)) {
      throw new InvalidInputException("assignee: '" + assignee + "' is not a person of the catalogue");
    }
    boolean conflict = role == Role.PROJECT_LEAD
        ? assignee.equals(stored.sesLead())
        : assignee.equals(stored.projectLead()) || stored.latest().map(v -> assignee.equals(v.submittedBy())).orElse(false);
    if (conflict) {
      throw new InvalidInputException("assignee: " + name(assignee) + " cannot both complete and sign off the return for '"
          + objective(key).title() + "'");
    }
    returns.setLead(stored.id(), role.column, assignee);
    audit.record(key.cycleKey(), key.objectiveId(), ReturnEvent.REASSIGNED, by.userId(), Map.of(role.field, current),
        Map.of(role.field, assignee));
  }


  /** The data a form shows: a header, the KPI rows, and the return's current entries. */
  public record ReturnForm(ObjectNode header, ArrayNode kpis, String overallStatus, String commentary,
      String previousStatus) {}

  public Catalogue.Objective objective(ReturnKey key) {
    return catalogue.requireObjective(key.objectiveId());
  }

  /**
   * The form of a return. Its rows start from the catalogue; a return that was sent back or
   * reopened keeps the lead's entries and carries the reason.
   */
  public ReturnForm form(ReturnKey key) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    Catalogue.Objective objective = objective(key);
    StoredReturn stored = stored(key);
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
    header.put("returnsDue", round(key).due().toString());
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
    return drafts.save(stored.id(), objective(key), entries, user, OffsetDateTime.now(clock));
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
    StoredReturn stored = stored(key);
    if (!user.equals(stored.projectLead())) {
      throw new NotAllowedException(name(user) + " is not the project lead of the return for '"
          + objective(key).title() + "': " + name(stored.projectLead()) + " submits it");
    }
    requireOpen(cycle, key);
    if (!OPEN_FOR_SUBMISSION.contains(stored.status())) {
      // a submission of a return already submitted: the same task completed twice at once
      throw new NoLongerOpenException("the return for '" + objective(key).title() + "' is "
          + stored.status().word() + " and cannot be submitted now");
    }
    return stored;
  }

  /**
   * Validates and stores a lead's submission. Refused when the caller is not the return's project
   * lead of record, or the cycle or the return is not open for it.
   */
  @Transactional
  public Submission submit(ReturnKey key, String overallStatus, String commentary, JsonNode kpis, String user) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    StoredReturn stored = requireWithProjectLead(key, user);
    Submission submission = validator.validate(objective(key), overallStatus, commentary, kpis);
    Status previous = previousQuarter.of(cycle.period(), key.objectiveId())
        .map(PreviousQuarter.Previous::overallStatus).orElse(null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int version = returns.addSubmission(stored.id(), previous, submission, user, now);
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
  public boolean signOff(ReturnKey key, Boolean approved, String comment, String user) {
    CycleOfReturns.CycleFacts cycle = cycle(key);
    StoredReturn stored = stored(key);
    if (!user.equals(stored.sesLead())) {
      throw new NotAllowedException(name(user) + " is not the SES lead of the return for '" + objective(key).title()
          + "': " + name(stored.sesLead()) + " signs it off");
    }
    if (user.equals(stored.projectLead()) || stored.latest().map(v -> user.equals(v.submittedBy())).orElse(false)) {
      throw new NotAllowedException(name(user) + " submitted the return for '" + objective(key).title()
          + "' and cannot sign it off");
    }
    requireOpen(cycle, key);
    if (stored.status() != ReturnStatus.SUBMITTED || stored.latest().isEmpty()) {
      // the sign-off task exists only while the return is submitted: another sign-off of it was
      // stored in the same moment
      throw new NoLongerOpenException("the return for '" + objective(key).title() + "' is "
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
      returns.startRound(stored.id(), resubmissionDue(key.cycleKey(), now), now);
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

  private StoredReturn stored(ReturnKey key) {
    StoredReturn stored = returns.find(key).orElseThrow(() -> new IllegalStateException("no return " + key));
    if (stored.projectLead() != null && stored.sesLead() != null) {
      return stored;
    }
    leads(key);
    return returns.find(key).orElseThrow();
  }

  private ReturnRepository.Leads leads(ReturnKey key) {
    ReturnRepository.Leads leads = returns.leads(key).orElseThrow(() -> new IllegalStateException("no return " + key));
    if (leads.projectLead() != null && leads.sesLead() != null) {
      return leads;
    }
    // a return issued before its leads were recorded (schema version 1) takes the catalogue's, once
    Catalogue.Objective objective = objective(key);
    if (leads.projectLead() == null) {
      returns.setLead(leads.id(), Role.PROJECT_LEAD.column, objective.projectLead());
    }
    if (leads.sesLead() == null) {
      returns.setLead(leads.id(), Role.SES_LEAD.column, objective.sesLead());
    }
    return returns.leads(key).orElseThrow();
  }

  private static Map<String, Object> state(ReturnStatus status, String projectLead, String sesLead) {
    return Map.of("status", status.word(), "projectLead", projectLead, "sesLead", sesLead);
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
