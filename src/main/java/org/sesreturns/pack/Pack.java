package org.sesreturns.pack;

import java.util.List;

/** The board pack as it reads: one section per objective, in catalogue order. */
public record Pack(String strategy, String board, String period, String reportDate, boolean draft,
    List<Section> sections) {

  public record Section(String objectiveId, String objective, String sesLead, String projectLead,
      String reportDate, String previousStatus, String overallStatus, List<Row> kpis, List<String> commentary) {

    public boolean submitted() {
      return overallStatus != null;
    }
  }

  /** A KPI row: target and achieved as printed, status as a word (green, amber, red or none). */
  public record Row(String kpi, String baseline, String target, String achieved, String status, String progress) {}
}
