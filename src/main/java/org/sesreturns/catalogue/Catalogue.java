package org.sesreturns.catalogue;

import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A strategy's catalogue: who takes part and what each objective's return reports. */
public record Catalogue(
    Strategy strategy,
    Map<String, Person> people,
    List<String> coordinators,
    List<String> board,
    List<Objective> objectives,
    List<HistoryPeriod> history) {

  public record Strategy(String id, String title, String board, Month financialYearStart) {}

  public record Person(String id, String name, String email) {}

  public record Objective(String id, String title, String sesLead, String projectLead, List<Kpi> kpis) {

    public Optional<Kpi> kpi(String kpiId) {
      return kpis.stream().filter(k -> k.id().equals(kpiId)).findFirst();
    }
  }

  /** A KPI; {@code target} is null where the catalogue sets none or prints n/a. */
  public record Kpi(
      String id,
      String title,
      KpiType type,
      String target,
      String unit,
      String polarity,
      String targetBasis,
      String tolerance,
      String baseline,
      String notes) {}

  /** One earlier quarter's returns, as printed then. */
  public record HistoryPeriod(Period period, List<HistoricReturn> returns) {

    public Optional<HistoricReturn> returnOf(String objectiveId) {
      return returns.stream().filter(r -> r.objective().equals(objectiveId)).findFirst();
    }
  }

  public record HistoricReturn(
      String objective, Status previousStatus, Status overallStatus, List<HistoricKpi> kpis, String commentary) {}

  public record HistoricKpi(String kpi, String target, String achieved, Status status, String progress) {}

  public Person person(String id) {
    Person person = people.get(id);
    if (person == null) {
      throw new IllegalArgumentException("no person '" + id + "' in the catalogue");
    }
    return person;
  }

  /**
   * The name to show for a login: the catalogue's name for its person, or the login itself for
   * someone the catalogue does not name (an administrator, a person since removed); null for none.
   */
  public String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    Person person = people.get(userId);
    return person == null ? userId : person.name();
  }

  public Optional<Objective> objective(String id) {
    return objectives.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  public Objective requireObjective(String id) {
    return objective(id).orElseThrow(
        () -> new IllegalArgumentException("no objective '" + id + "' in the catalogue"));
  }

  public Set<String> projectLeads() {
    return Set.copyOf(objectives.stream().map(Objective::projectLead).toList());
  }

  public Set<String> sesLeads() {
    return Set.copyOf(objectives.stream().map(Objective::sesLead).toList());
  }

  /** The latest history period before {@code period}, if any. */
  public Optional<HistoryPeriod> historyBefore(Period period) {
    return history.stream()
        .filter(h -> h.period().compareTo(period) < 0)
        .max((a, b) -> a.period().compareTo(b.period()));
  }
}
