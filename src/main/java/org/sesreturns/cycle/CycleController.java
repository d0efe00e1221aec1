package org.sesreturns.cycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.identity.Access;
import org.sesreturns.returns.ReturnService;
import org.sesreturns.returns.StoredReturn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The cycles as JSON, for coordinators, board members and administrators. */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

  private final CycleRepository cycles;
  private final ReturnService returns;
  private final Catalogue catalogue;
  private final Access access;

  CycleController(CycleRepository cycles, ReturnService returns, Catalogue catalogue, Access access) {
    this.cycles = cycles;
    this.returns = returns;
    this.catalogue = catalogue;
    this.access = access;
  }

  record CycleSummary(String key, String period, String status, String returnsDue, String boardMeeting) {}

  record CycleView(String key, String period, String reportDate, String strategy, String status, String returnsDue,
      String boardMeeting, String boardMeetingHeld, String boardDecisions, List<ReturnView> returns) {}

  record ReturnView(String objective, String title, String status, String projectLead, String sesLead,
      String overallStatus, String submittedBy, String submittedAt) {}

  @GetMapping
  List<CycleSummary> list() {
    access.requireCycleReader();
    return cycles.findAll(catalogue.strategy().id()).stream()
        .map(c -> new CycleSummary(c.key(), c.period().text(), c.status().word(), c.returnsDue().toString(),
            c.boardMeeting().toString()))
        .toList();
  }

  @GetMapping("/{key}")
  CycleView cycle(@PathVariable String key) {
    access.requireCycleReader();
    Cycle cycle = cycles.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "no cycle " + key));
    Map<String, StoredReturn> byObjective = new HashMap<>();
    returns.all(key).forEach(r -> byObjective.put(r.key().objectiveId(), r));
    List<ReturnView> views = catalogue.objectives().stream()
        .filter(o -> byObjective.containsKey(o.id()))
        .map(o -> {
          var r = byObjective.get(o.id());
          var latest = r.latest();
          return new ReturnView(o.id(), o.title(), r.status().word(), r.projectLead(), r.sesLead(),
              latest.map(v -> v.submission().overallStatus().word()).orElse(null),
              latest.map(StoredReturn.Version::submittedBy).orElse(null),
              latest.map(v -> v.submittedAt().toString()).orElse(null));
        })
        .toList();
    return new CycleView(cycle.key(), cycle.period().text(),
        cycle.period().months(catalogue.strategy().financialYearStart()), catalogue.strategy().title(),
        cycle.status().word(), cycle.returnsDue().toString(), cycle.boardMeeting().toString(),
        cycle.boardMeetingHeld() == null ? null : cycle.boardMeetingHeld().toString(), cycle.boardDecisions(), views);
  }
}
