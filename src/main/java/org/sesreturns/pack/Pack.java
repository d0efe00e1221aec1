package org.sesreturns.pack;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.KpiType;

/**
 * The board pack as it reads, whatever its format: a cover, a summary the board reads first, and
 * one section per objective in catalogue order. Statuses are words ({@code Green}, {@code Amber},
 * {@code Red}; empty where there is none), shown with their colour, never by colour alone.
 *
 * @param quarter the quarter's months, as the printed pack gives them ({@code Jan-Mar 2024})
 * @param financialYear {@code 2023-24}
 * @param version the compiled version; {@code null} for a draft
 * @param branding the organisation's name, colour and logo, from the catalogue
 */
public record Pack(String strategy, String board, String period, String quarter, String financialYear,
    String boardMeeting, Integer version, boolean draft, Summary summary, List<Section> sections,
    Catalogue.Branding branding) {

  /** Whose pack it is, as the cover and the document's properties name it. */
  public String publisher() {
    return branding.organisation() == null ? strategy : branding.organisation();
  }

  /** What the header of each page says: the strategy, the quarter and the pack's version. */
  public String runningHeader() {
    return strategy + " \u00b7 " + quarter + " (" + period + ") \u00b7 " + (draft ? "Draft" : "Version " + version);
  }

  /** Whether this pack (or this part of a large one) holds the objective's section: the summary links to it. */
  public boolean includes(String objectiveId) {
    return sections.stream().anyMatch(s -> s.objectiveId().equals(objectiveId));
  }

  /**
   * The summary: the executive summary the coordinators wrote (its paragraphs; none before they
   * write one), one row per objective in catalogue order, the counts by status, and the exceptions
   * the board reads before the sections.
   */
  public record Summary(List<String> executive, List<SummaryRow> rows, Counts objectives, Counts kpis,
      List<Concern> exceptions) {

    /** What the chart of the quarter's statuses shows, in words, for a reader who cannot see it. */
    public String statusWords() {
      return "Statuses this quarter. Objectives: " + objectives.words() + ". KPIs: " + kpis.words() + ".";
    }

    /** The rows as the board reads them: those whose status worsened first, then catalogue order. */
    public List<SummaryRow> worsenedFirst() {
      return rows.stream().sorted(Comparator.comparing(r -> !r.worsened())).toList();
    }
  }

  /**
   * An objective with KPIs at Red or worse than in its previous return, in catalogue order: those
   * KPIs with their progress notes, and the lead's commentary.
   */
  public record Concern(String objectiveId, String objective, String projectLead, String overallStatus,
      List<ConcernKpi> kpis, List<String> commentary) {}

  /** A KPI at Red or worse than before; {@code previousStatus} is null when it had none. */
  public record ConcernKpi(String kpi, String target, String achieved, String status, String previousStatus,
      String progress) {

    public String statusClass() {
      return Pack.statusClass(status);
    }

    /** Why it is an exception, in the board's words. */
    public String reason() {
      boolean red = "Red".equals(status);
      boolean worse = previousStatus != null && !previousStatus.isEmpty() && !previousStatus.equals(status);
      if (red && worse) {
        return "Red, was " + previousStatus;
      }
      return red ? "Red" : "Worse: " + previousStatus + " to " + status;
    }
  }

  /**
   * @param direction how the status moved since the previous quarter: {@code Improved},
   *     {@code Worsened}, {@code Unchanged}, or {@code null} when either status is missing
   */
  public record SummaryRow(String objectiveId, String objective, String sesLead, String previousStatus,
      String overallStatus, String direction, boolean received) {

    public boolean worsened() {
      return "Worsened".equals(direction);
    }
  }

  public record Counts(int green, int amber, int red) {

    public int total() {
      return green + amber + red;
    }

    String words() {
      return green + " Green, " + amber + " Amber, " + red + " Red";
    }
  }

  /**
   * One objective's section, laid out as the printed pack's page.
   *
   * @param received whether its return is in the pack; when not, it shows "Return not received"
   *     and the objective's last known status
   */
  public record Section(String objectiveId, String objective, String sesLead, String projectLead,
      String reportDate, String previousStatus, String overallStatus, boolean received, List<Row> kpis,
      List<String> commentary, List<Trend> trends, List<Earlier> earlier) {
  }

  /**
   * A KPI row: target and achieved as printed, status as a word (Green, Amber, Red or empty).
   *
   * @param type the KPI's type, null for a row the catalogue does not know (a lead's own row)
   * @param targetValue the target as a number, where the type is numeric and the target one
   * @param achievedValue the achieved value as a number, likewise: what a spreadsheet computes with
   */
  public record Row(String kpiId, String kpi, String baseline, String target, String achieved, String status,
      String progress, KpiType type, BigDecimal targetValue, BigDecimal achievedValue) {

    /** A row with no figures to compute with: text KPIs, or one not in the catalogue. */
    public static Row text(String kpiId, String kpi, String baseline, String target, String achieved, String status,
        String progress) {
      return new Row(kpiId, kpi, baseline, target, achieved, status, progress, null, null, null);
    }

    /** The status's colour class: green, amber, red or none. */
    public String statusClass() {
      return Pack.statusClass(status);
    }
  }

  /** What the objective reported in an earlier quarter (most recent first), for analysts' workbook. */
  public record Earlier(String period, String quarter, String overallStatus, List<Row> kpis) {}

  /**
   * A numeric KPI over the last quarters (oldest first), drawn as a chart against its target.
   *
   * @param type the KPI's type: how its figures and axis read (a percentage, pounds, a count)
   * @param target this quarter's target as a number, or null when it has none
   * @param targetFigure that target as printed ({@code 80%}), or null
   */
  public record Trend(String kpi, KpiType type, BigDecimal target, String targetFigure, List<Point> points) {

    /** The KPI's figure in a quarter, or null when it reported none. */
    public Point at(String period) {
      return points.stream().filter(p -> p.period().equals(period)).findFirst().orElse(null);
    }

    /** What the chart shows, in words, for a reader who cannot see it. */
    public String description() {
      StringBuilder text = new StringBuilder(kpi).append(" over the last ").append(points.size()).append(" quarters: ");
      text.append(String.join("; ", points.stream()
          .map(p -> p.quarter() + " " + p.figure() + (p.status().isEmpty() ? "" : " (" + p.status() + ")")).toList()));
      return text.append(targetFigure == null ? "; no target." : "; target " + targetFigure + ".").toString();
    }
  }

  /**
   * @param status the KPI's status that quarter as a word (Green, Amber, Red; empty when none)
   */
  public record Point(String period, String quarter, double value, String figure, String status) {}

  /** The style class of a status label ("Red" is {@code red}; none or empty is {@code none}). */
  static String statusClass(String status) {
    return status == null || status.isEmpty() ? "none" : status.toLowerCase(Locale.ROOT);
  }
}
