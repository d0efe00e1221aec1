package org.sesreturns.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Period;
import org.sesreturns.catalogue.Status;
import org.springframework.stereotype.Component;

/**
 * What an objective reported in the quarter before: the strategy's latest closed cycle before
 * the period or, before the first one, the latest history period.
 */
@Component
public class PreviousQuarter {

  private final Catalogue catalogue;
  private final CycleOfReturns cycles;
  private final ReturnRepository returns;

  PreviousQuarter(Catalogue catalogue, CycleOfReturns cycles, ReturnRepository returns) {
    this.catalogue = catalogue;
    this.cycles = cycles;
    this.returns = returns;
  }

  /** An objective's previous return: its overall status and, by KPI id, what each KPI reported. */
  /**
   * @param added the rows the lead added to that return, beyond the catalogue's KPIs (none in the
   *     history files, which hold the catalogue's KPIs only)
   */
  public record Previous(Period period, Status overallStatus, Map<String, Figure> kpis, List<Added> added) {}

  /** A KPI row a lead added to a return: suggested again in the next quarter's form. */
  public record Added(String title, String target, String achieved, Status status) {}

  public record Figure(String target, String achieved, Status status) {}

  /**
   * Up to {@code quarters} returns of the objective before the period, the most recent first:
   * stored cycles, then the history files before the first of them.
   */
  public List<Previous> history(Period period, String objectiveId, int quarters) {
    List<Previous> found = new ArrayList<>();
    Period before = period;
    while (found.size() < quarters) {
      Optional<Previous> previous = of(before, objectiveId);
      if (previous.isEmpty()) {
        break;
      }
      found.add(previous.get());
      before = previous.get().period();
    }
    return found;
  }

  public Optional<Previous> of(Period period, String objectiveId) {
    Optional<CycleOfReturns.CycleFacts> closed = cycles.latestClosedBefore(period);
    if (closed.isPresent()) {
      return returns.find(new ReturnKey(closed.get().key(), objectiveId))
          .flatMap(StoredReturn::latest)
          .map(v -> {
            Map<String, Figure> kpis = new HashMap<>();
            v.submission().kpis().stream().filter(k -> k.kpiId() != null)
                .forEach(k -> kpis.put(k.kpiId(), new Figure(k.target(), k.achieved(), k.status())));
            List<Added> added = v.submission().kpis().stream().filter(k -> k.kpiId() == null)
                .map(k -> new Added(k.title(), k.target(), k.achieved(), k.status())).toList();
            return new Previous(closed.get().period(), v.submission().overallStatus(), kpis, added);
          });
    }
    return catalogue.historyBefore(period).flatMap(h -> h.returnOf(objectiveId).map(r -> {
      Map<String, Figure> kpis = new HashMap<>();
      r.kpis().forEach(k -> kpis.put(k.kpi(), new Figure(k.target(), k.achieved(), k.status())));
      return new Previous(h.period(), r.overallStatus(), kpis, List.of());
    }));
  }
}
