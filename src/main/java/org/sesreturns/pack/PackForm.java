package org.sesreturns.pack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.engine.Json;
import org.sesreturns.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * What the review and presentation forms show: the cycle, its returns, and the compiled pack
 * itself, so the coordinator reads it in Tasklist (a link opens it on its own too).
 */
@Component
class PackForm {

  private final CycleService cycles;
  private final ReturnService returns;
  private final Catalogue catalogue;
  private final PackService packs;

  PackForm(CycleService cycles, ReturnService returns, Catalogue catalogue, PackService packs) {
    this.cycles = cycles;
    this.returns = returns;
    this.catalogue = catalogue;
    this.packs = packs;
  }

  ObjectNode of(String cycleKey) {
    Cycle cycle = cycles.require(cycleKey);
    ObjectNode form = Json.mapper().createObjectNode();
    form.put("strategy", catalogue.strategy().title());
    form.put("board", catalogue.strategy().board());
    form.put("period", cycle.period().text());
    form.put("reportDate", cycle.period().months(catalogue.strategy().financialYearStart()));
    form.put("boardMeeting", cycle.boardMeeting().toString());
    form.put("packUrl", "/api/cycles/" + cycleKey + "/pack");
    packs.latest(cycleKey).ifPresent(v -> {
      form.put("packVersion", v.version());
      form.put("packSha256", v.sha256());
      form.put("packHtml", v.html());
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
