package org.sesreturns.pack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.engine.Json;
import org.sesreturns.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * What the review and presentation forms show: the cycle, its returns, and where the compiled
 * pack is, in each format, so the coordinator reads it in Tasklist and downloads it.
 */
@Component
class PackForm {

  private final CycleService cycles;
  private final ReturnService returns;
  private final Catalogue catalogue;

  PackForm(CycleService cycles, ReturnService returns, Catalogue catalogue) {
    this.cycles = cycles;
    this.returns = returns;
    this.catalogue = catalogue;
  }

  /** The form, showing the given version of the pack (the one under review, or the approved one). */
  ObjectNode of(String cycleKey, Optional<PackService.Version> shown) {
    Cycle cycle = cycles.require(cycleKey);
    ObjectNode form = Json.mapper().createObjectNode();
    form.put("strategy", catalogue.strategy().title());
    form.put("board", catalogue.strategy().board());
    form.put("period", cycle.period().text());
    form.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    form.put("boardMeeting", cycle.boardMeeting().toString());
    // links, not the pack itself: the forms fetch it with the user's login session, and the
    // engine's history keeps no copy of it
    shown.ifPresent(v -> {
      String base = "/api/cycles/" + cycleKey + "/pack/versions/" + v.version();
      form.put("packVersion", v.version());
      form.put("packUrl", base + ".html");
      var missing = form.putArray("missing");
      v.missing().forEach(id -> missing.add(catalogue.objective(id).map(Catalogue.Objective::title).orElse(id)));
      var downloads = form.putArray("downloads");
      for (PackFormat format : PackFormat.values()) {
        downloads.addObject().put("format", format.extension()).put("url", base + "." + format.extension())
            .put("sha256", v.sha256().get(format));
      }
    });
    var objectives = form.putArray("objectives");
    for (var r : returns.all(cycleKey)) {
      var o = objectives.addObject();
      o.put("id", r.key().objectiveId());
      o.put("title", catalogue.objective(r.key().objectiveId()).map(Catalogue.Objective::title)
          .orElse(r.key().objectiveId()));
      r.latest().ifPresent(v -> o.put("overallStatus", v.submission().overallStatus().label()));
    }
    return form;
  }
}
