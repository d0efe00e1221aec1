package org.sesreturns.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sesreturns.audit.AuditTrail;
import org.sesreturns.audit.ReturnEvent;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.reminders.Deadlines;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The returns as the other features know them: issuing them to the people the catalogue names,
 * issuing them again, the returns still to collect, the late ones, reopening from the pack review,
 * and what a return's record says (its round, its leads, its latest submission). Each change is
 * recorded in the audit trail in the same transaction. What a return's tasks do (forms, drafts,
 * submission, sign-off, reassignment) is {@link ReturnTasks}.
 */
@Service
public class ReturnService {

  private final Catalogue catalogue;
  private final CycleOfReturns cycles;
  private final ReturnRepository returns;
  private final AuditTrail audit;
  private final Deadlines deadlines;
  private final Clock clock;

  ReturnService(Catalogue catalogue, CycleOfReturns cycles, ReturnRepository returns, AuditTrail audit,
      Deadlines deadlines, Clock clock) {
    this.catalogue = catalogue;
    this.cycles = cycles;
    this.returns = returns;
    this.audit = audit;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** Who completes a return and who signs it off. */
  public enum Role {
    PROJECT_LEAD("project_lead", "projectLead"),
    SES_LEAD("ses_lead", "sesLead");

    final String column;
    final String field;

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

  /** Whether the cycle has a return for the objective: one row read, whatever the cycle's size. */
  boolean exists(ReturnKey key) {
    return returns.leads(key).isPresent();
  }

  /** The return's status by the application's record. */
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
  LocalDate resubmissionDue(String cycleKey, OffsetDateTime now) {
    return deadlines.resubmissionDue(Deadlines.dayOf(now.toInstant()), cycles.find(cycleKey).orElseThrow().returnsDue());
  }

  /** The return's current round: when it is due and when the round began. */
  public ReturnRound round(ReturnKey key) {
    return returns.round(key).orElseThrow(() -> new IllegalStateException("no return " + key));
  }

  /**
   * The day the return awaiting sign-off was submitted, from the latest version as the record
   * holds it (read once per transaction): the sign-off round's reminders count from it.
   */
  public LocalDate submittedDay(ReturnKey key) {
    return stored(key).latest().map(v -> Deadlines.dayOf(v.submittedAt().toInstant()))
        .orElseThrow(() -> new IllegalStateException("a return awaiting sign-off has a submission"));
  }

  /**
   * The day a sign-off is due: the day the ladder reminds the SES lead, who had the working days
   * before it. Tasklist's due date and the messages give the same day.
   */
  public LocalDate signOffDue(ReturnKey key) {
    return deadlines.signOffReminder(submittedDay(key));
  }

  /** The return as recorded, with its people and its latest submission. */
  public StoredReturn record(ReturnKey key) {
    return stored(key);
  }

  /** Why the coordinator reopened the return, if they did. */
  public String reopenComment(StoredReturn stored) {
    return returns.reopenComment(stored.id()).orElse("");
  }

  /** The person who holds the role on the return now, by the application's record. */
  public String lead(ReturnKey key, Role role) {
    return role.of(leads(key));
  }

  public Catalogue.Objective objective(ReturnKey key) {
    return catalogue.requireObjective(key.objectiveId());
  }

  private StoredReturn stored(ReturnKey key) {
    StoredReturn stored = returns.find(key).orElseThrow(() -> new IllegalStateException("no return " + key));
    if (stored.projectLead() != null && stored.sesLead() != null) {
      return stored;
    }
    leads(key);
    return returns.find(key).orElseThrow();
  }

  /** The return's leads of record; a return issued before they were recorded takes the catalogue's. */
  ReturnRepository.Leads leads(ReturnKey key) {
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

}
