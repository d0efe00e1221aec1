package org.sesreturns.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Status;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleRepository;
import org.sesreturns.cycle.CycleStatus;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.Json;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One objective's return: what its forms show, and its submission and sign-off. */
@Service
public class ReturnService {

  private static final Set<ReturnStatus> OPEN_FOR_SUBMISSION =
      Set.of(ReturnStatus.ISSUED, ReturnStatus.RETURNED, ReturnStatus.REOPENED);

  private final Catalogue catalogue;
  private final CycleRepository cycles;
  private final ReturnRepository returns;
  private final PreviousQuarter previousQuarter;
  private final ReturnValidator validator;
  private final Clock clock;

  ReturnService(Catalogue catalogue, CycleRepository cycles, ReturnRepository returns,
      PreviousQuarter previousQuarter, ReturnValidator validator, Clock clock) {
    this.catalogue = catalogue;
    this.cycles = cycles;
    this.returns = returns;
    this.previousQuarter = previousQuarter;
    this.validator = validator;
    this.clock = clock;
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
    Cycle cycle = cycle(key);
    Catalogue.Objective objective = objective(key);
    StoredReturn stored = returns.find(key).orElseThrow(() -> new IllegalStateException("no return " + key));
    Optional<PreviousQuarter.Previous> previous = previousQuarter.of(cycle.period(), key.objectiveId());
    Optional<Submission> latest = stored.latest().map(StoredReturn.Version::submission);

    ObjectNode header = Json.mapper().createObjectNode();
    header.put("strategy", catalogue.strategy().title());
    header.put("board", catalogue.strategy().board());
    header.put("objectiveId", objective.id());
    header.put("objective", objective.title());
    header.put("sesLead", catalogue.person(objective.sesLead()).name());
    header.put("projectLead", catalogue.person(objective.projectLead()).name());
    header.put("period", cycle.period().text());
    header.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    header.put("returnsDue", cycle.returnsDue().toString());
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
    }
    latest.ifPresent(s -> s.kpis().stream().filter(k -> k.kpiId() == null).forEach(k -> {
      ObjectNode row = kpis.addObject();
      row.put("title", k.title());
      row.put("type", "added");
      row.put("target", k.target());
      row.put("achieved", k.achieved());
      row.put("status", k.status().word());
      row.put("progress", k.progress());
    }));
    return new ReturnForm(header, kpis,
        latest.map(s -> s.overallStatus().word()).orElse(null),
        latest.map(Submission::commentary).orElse(null),
        previous.map(p -> p.overallStatus().word()).orElse(null));
  }

  /** Validates and stores a lead's submission; refused when the cycle or the return is not open. */
  @Transactional
  public Submission submit(ReturnKey key, String overallStatus, String commentary, JsonNode kpis, String user) {
    Cycle cycle = cycle(key);
    requireCollecting(cycle);
    StoredReturn stored = returns.find(key).orElseThrow(() -> new IllegalStateException("no return " + key));
    if (!OPEN_FOR_SUBMISSION.contains(stored.status())) {
      throw new InvalidInputException("the return for '" + objective(key).title() + "' is " + stored.status().word()
          + " and cannot be submitted now");
    }
    Submission submission = validator.validate(objective(key), overallStatus, commentary, kpis);
    Status previous = previousQuarter.of(cycle.period(), key.objectiveId())
        .map(PreviousQuarter.Previous::overallStatus).orElse(null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    returns.addSubmission(stored.id(), previous, submission, user, now);
    returns.setStatus(stored.id(), ReturnStatus.SUBMITTED, now);
    return submission;
  }

  /** Records the SES lead's decision on the latest submission. */
  @Transactional
  public boolean signOff(ReturnKey key, Object approved, String comment, String user) {
    requireCollecting(cycle(key));
    StoredReturn stored = returns.find(key).orElseThrow(() -> new IllegalStateException("no return " + key));
    if (stored.status() != ReturnStatus.SUBMITTED || stored.latest().isEmpty()) {
      throw new InvalidInputException("the return for '" + objective(key).title() + "' is " + stored.status().word()
          + " and cannot be signed off now");
    }
    validator.validateSignOff(approved, comment);
    boolean yes = (Boolean) approved;
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    OffsetDateTime now = OffsetDateTime.now(clock);
    returns.decide(stored.latest().get().id(), yes ? "approved" : "returned", user, text, now);
    returns.setStatus(stored.id(), yes ? ReturnStatus.SIGNED_OFF : ReturnStatus.RETURNED, now);
    return yes;
  }

  private Cycle cycle(ReturnKey key) {
    return cycles.find(key.cycleKey()).orElseThrow(() -> new IllegalStateException("no cycle " + key.cycleKey()));
  }

  private static void requireCollecting(Cycle cycle) {
    if (cycle.status() != CycleStatus.COLLECTING) {
      throw new InvalidInputException("the cycle " + cycle.period() + " is " + cycle.status().word()
          + ": its returns can no longer change");
    }
  }

  private String name(String userId) {
    return userId == null ? null : Optional.ofNullable(catalogue.people().get(userId))
        .map(Catalogue.Person::name).orElse(userId);
  }

}
