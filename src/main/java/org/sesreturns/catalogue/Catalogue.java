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

  public record Strategy(String id, String title, String board, Month financialYearStart, Branding branding) {}

  /**
   * How the pack looks as the organisation's own: its name, its colour (white text reads on it)
   * and its logo, each optional in the catalogue.
   *
   * @param organisation the council or body that publishes the pack, or null
   * @param colour {@code #rrggbb}
   * @param logo null when the catalogue names none
   */
  public record Branding(String organisation, String colour, Logo logo) {

    /** A dark blue that white text reads on (contrast 10.4:1), when the catalogue sets no colour. */
    public static final String DEFAULT_COLOUR = "#23415f";
    public static final Branding PLAIN = new Branding(null, DEFAULT_COLOUR, null);

    /** The colour without its {@code #}, as Word and Excel write it. */
    public String hex() {
      return colour.substring(1).toUpperCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A logo as the catalogue's file holds it: PNG or JPEG, with its size in pixels.
   *
   * @param mediaType {@code image/png} or {@code image/jpeg}
   */
  public record Logo(String mediaType, byte[] bytes, int width, int height) {

    /** The logo's width on the cover, in millimetres: 20 mm high, at most 80 mm wide. */
    public double coverWidthMm() {
      return Math.min(80.0, 20.0 * width / height);
    }

    public double coverHeightMm() {
      return coverWidthMm() * height / width;
    }

    /** The logo inline, for the HTML pack and its PDF (the pack's policy lets images come as data). */
    public String dataUri() {
      return "data:" + mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    }
  }

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
