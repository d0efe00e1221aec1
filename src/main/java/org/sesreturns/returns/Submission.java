package org.sesreturns.returns;

import java.util.List;
import org.sesreturns.catalogue.Status;

/** What a project lead submits for an objective, after validation. */
public record Submission(Status overallStatus, String commentary, List<KpiValue> kpis) {

  /** One row of the KPI table; {@code kpiId} is null for a row the lead added. */
  public record KpiValue(String kpiId, String title, String target, String achieved, Status status, String progress) {}
}
