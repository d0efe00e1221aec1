package org.sesreturns.pack;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.KpiType;
import org.sesreturns.catalogue.Period;
import org.sesreturns.catalogue.Status;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.returns.PreviousQuarter;
import org.sesreturns.returns.ReturnService;
import org.sesreturns.returns.ReturnStatus;
import org.sesreturns.returns.StoredReturn;
import org.sesreturns.returns.Submission;
import org.springframework.stereotype.Component;

/**
 * Builds the pack from what the application stores: the cycle's returns, in catalogue order, and
 * for the summary and the trends the quarters before it (stored cycles, then the history files).
 */
@Component
class PackBuilder {

  /** Quarters a trend shows, this one included. */
  static final int TREND_QUARTERS = 4;

  /** A date as the pack and its messages print it: Thursday 25 April 2024. */
  static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final Catalogue catalogue;
  private final ReturnService returns;
  private final PreviousQuarter previousQuarter;

  PackBuilder(Catalogue catalogue, ReturnService returns, PreviousQuarter previousQuarter) {
    this.catalogue = catalogue;
    this.returns = returns;
    this.previousQuarter = previousQuarter;
  }

  /**
   * The pack of a cycle. A compiled version holds the signed-off returns; a draft holds whatever
   * has been submitted so far. An objective without a return in it is shown as not received, with
   * its last status, never left out. The executive summary is the coordinators', if written.
   */
  Pack build(Cycle cycle, boolean draft, Integer version, String executiveSummary) {
    var fyStart = catalogue.strategy().financialYearStart();
    String reportDate = cycle.period().months(fyStart);
    Map<String, StoredReturn> byObjective = new HashMap<>();
    returns.all(cycle.key()).forEach(r -> byObjective.put(r.key().objectiveId(), r));
    List<Pack.Section> sections = new ArrayList<>();
    List<Pack.SummaryRow> summary = new ArrayList<>();
    int[] objectiveCounts = new int[3];
    int[] kpiCounts = new int[3];
    List<Pack.Concern> exceptions = new ArrayList<>();
    for (Catalogue.Objective objective : catalogue.objectives()) {
      Optional<StoredReturn> stored = Optional.ofNullable(byObjective.get(objective.id()));
      Optional<StoredReturn.Version> latest = stored
          .filter(r -> draft || r.status() == ReturnStatus.SIGNED_OFF)
          .flatMap(StoredReturn::latest);
      List<PreviousQuarter.Previous> before = previousQuarter.history(cycle.period(), objective.id(), TREND_QUARTERS - 1);
      Status previous = latest.map(StoredReturn.Version::previousStatus)
          .or(() -> before.stream().findFirst().map(PreviousQuarter.Previous::overallStatus))
          .orElse(null);
      Status overall = latest.map(v -> v.submission().overallStatus()).orElse(null);
      List<Pack.Row> rows = new ArrayList<>();
      List<Pack.Trend> trends = new ArrayList<>();
      List<Pack.ConcernKpi> concerns = new ArrayList<>();
      if (latest.isPresent()) {
        for (Submission.KpiValue k : latest.get().submission().kpis()) {
          Optional<Catalogue.Kpi> kpi = Optional.ofNullable(k.kpiId()).flatMap(objective::kpi);
          rows.add(row(k.kpiId(), k.title(), kpi.map(Catalogue.Kpi::baseline).orElse(null), kpi.orElse(null),
              k.target(), k.achieved(), k.status().label(), k.progress()));
          count(kpiCounts, k.status());
          Status before1 = k.kpiId() == null ? null : before.stream().findFirst()
              .map(p -> p.kpis().get(k.kpiId())).map(PreviousQuarter.Figure::status).orElse(null);
          if (k.status() == Status.RED || "Worsened".equals(direction(before1, k.status()))) {
            Pack.Row shown = rows.get(rows.size() - 1);
            concerns.add(new Pack.ConcernKpi(shown.kpi(), shown.target(), shown.achieved(), shown.status(),
                label(before1), k.progress()));
          }
          kpi.filter(c -> c.type().numeric()).flatMap(c -> trend(c, k.target(), k.achieved(), k.status(), cycle.period(), before))
              .ifPresent(trends::add);
        }
        count(objectiveCounts, overall);
      } else {
        objective.kpis().forEach(kpi -> rows.add(row(kpi.id(), kpi.title(), kpi.baseline(), kpi, kpi.target(), null, "",
            null)));
      }
      String sesLead = catalogue.nameOf(stored.map(StoredReturn::sesLead).orElse(objective.sesLead()));
      String projectLead = catalogue.nameOf(stored.map(StoredReturn::projectLead).orElse(objective.projectLead()));
      List<Pack.Earlier> earlier = before.stream().map(p -> new Pack.Earlier(p.period().text(), p.period().months(fyStart),
          label(p.overallStatus()), p.kpis().entrySet().stream()
              .map(e -> {
                Optional<Catalogue.Kpi> kpi = objective.kpi(e.getKey());
                return row(e.getKey(), kpi.map(Catalogue.Kpi::title).orElse(e.getKey()), null, kpi.orElse(null),
                    e.getValue().target(), e.getValue().achieved(),
                    e.getValue().status() == null ? "" : e.getValue().status().label(), null);
              })
              .sorted(Comparator.comparingInt(r -> position(objective, r.kpiId())))
              .toList()))
          .toList();
      if (!concerns.isEmpty()) {
        exceptions.add(new Pack.Concern(objective.id(), objective.title(), projectLead, label(overall), concerns,
            paragraphs(latest.get().submission().commentary())));
      }
      sections.add(new Pack.Section(objective.id(), objective.title(), sesLead, projectLead, reportDate, label(previous),
          label(overall), latest.isPresent(), rows,
          latest.map(v -> paragraphs(v.submission().commentary())).orElse(List.of()), trends, earlier));
      summary.add(new Pack.SummaryRow(objective.id(), objective.title(), sesLead, label(previous), label(overall),
          direction(previous, overall), latest.isPresent()));
    }
    Period period = cycle.period();
    return new Pack(catalogue.strategy().title(), catalogue.strategy().board(), period.text(), reportDate,
        "%d-%02d".formatted(period.startYear(), (period.startYear() + 1) % 100), cycle.boardMeeting().format(MEETING),
        version, draft, new Pack.Summary(paragraphs(executiveSummary), summary, counts(objectiveCounts), counts(kpiCounts), exceptions), sections,
        catalogue.strategy().branding());
  }

  /** The KPI's figures over the last quarters, when at least two of them are numbers. */
  private Optional<Pack.Trend> trend(Catalogue.Kpi kpi, String target, String achieved, Status status, Period period,
      List<PreviousQuarter.Previous> before) {
    var fyStart = catalogue.strategy().financialYearStart();
    record Figure(String period, String quarter, BigDecimal value, String status) {}
    List<Figure> figures = new ArrayList<>();
    for (int i = before.size() - 1; i >= 0; i--) {
      PreviousQuarter.Previous p = before.get(i);
      PreviousQuarter.Figure f = p.kpis().get(kpi.id());
      number(kpi, f == null ? null : f.achieved()).ifPresent(v -> figures.add(
          new Figure(p.period().text(), p.period().months(fyStart), v, label(f.status()))));
    }
    number(kpi, achieved).ifPresent(v -> figures.add(new Figure(period.text(), period.months(fyStart), v, label(status))));
    if (figures.size() < 2) {
      return Optional.empty();
    }
    List<Pack.Point> points = figures.stream().map(f -> new Pack.Point(f.period(), f.quarter(), f.value().doubleValue(),
        withUnit(kpi, f.value().toPlainString()), f.status() == null ? "" : f.status())).toList();
    Optional<BigDecimal> goal = number(kpi, target);
    return Optional.of(new Pack.Trend(kpi.title(), kpi.type(), goal.orElse(null),
        goal.map(g -> withUnit(kpi, g.toPlainString())).orElse(null), points));
  }

  /**
   * A KPI row, printed with its unit and, where the KPI is numeric, with its figures as numbers
   * too. {@code kpi} is null for a row the catalogue does not know.
   */
  private static Pack.Row row(String kpiId, String title, String baseline, Catalogue.Kpi kpi, String target,
      String achieved, String status, String progress) {
    boolean numeric = kpi != null && kpi.type().numeric();
    return new Pack.Row(kpiId, title, baseline, target(kpi, target), achieved(kpi, achieved), status, progress,
        kpi == null ? null : kpi.type(), numeric ? number(kpi, target).orElse(null) : null,
        numeric ? number(kpi, achieved).orElse(null) : null);
  }

  /** A figure as a number, when the KPI's type reads it as one; never for a row the catalogue does not know. */
  private static Optional<BigDecimal> number(Catalogue.Kpi kpi, String figure) {
    return kpi == null ? Optional.empty() : kpi.type().number(figure);
  }

  /** Where a KPI stands in the catalogue's order; ones it no longer has come last. */
  private static int position(Catalogue.Objective objective, String kpiId) {
    for (int i = 0; i < objective.kpis().size(); i++) {
      if (objective.kpis().get(i).id().equals(kpiId)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static void count(int[] counts, Status status) {
    if (status == Status.GREEN) {
      counts[0]++;
    } else if (status == Status.AMBER) {
      counts[1]++;
    } else if (status == Status.RED) {
      counts[2]++;
    }
  }

  private static Pack.Counts counts(int[] counts) {
    return new Pack.Counts(counts[0], counts[1], counts[2]);
  }

  /** Red to Amber is an improvement, Green to Amber a worsening. */
  static String direction(Status previous, Status overall) {
    if (previous == null || overall == null || previous == Status.NONE || overall == Status.NONE) {
      return null;
    }
    int change = rank(overall) - rank(previous);
    return change > 0 ? "Improved" : change < 0 ? "Worsened" : "Unchanged";
  }

  private static int rank(Status status) {
    return switch (status) {
      case GREEN -> 3;
      case AMBER -> 2;
      default -> 1;
    };
  }

  private static String label(Status status) {
    return status == null ? null : status.label();
  }

  private static String target(Catalogue.Kpi kpi, String target) {
    if (target == null || target.isBlank()) {
      return kpi == null || kpi.type() == KpiType.NARRATIVE ? "" : KpiType.NOT_APPLICABLE;
    }
    return withUnit(kpi, target);
  }

  private static String achieved(Catalogue.Kpi kpi, String achieved) {
    return achieved == null || achieved.isEmpty() ? achieved : withUnit(kpi, achieved);
  }

  /** A figure as printed; a row the catalogue does not know prints as typed. */
  static String withUnit(Catalogue.Kpi kpi, String value) {
    return kpi == null ? value : kpi.type().printed(value);
  }

  private static List<String> paragraphs(String text) {
    return text == null ? List.of() : List.of(text.strip().split("\\R+"));
  }
}
