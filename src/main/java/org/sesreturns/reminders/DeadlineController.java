package org.sesreturns.reminders;

import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Period;
import org.sesreturns.identity.Access;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The deadlines a period would have: what the start form shows the coordinator before they start it. */
@RestController
class DeadlineController {

  private final Deadlines deadlines;
  private final Catalogue catalogue;
  private final Access access;

  DeadlineController(Deadlines deadlines, Catalogue catalogue, Access access) {
    this.deadlines = deadlines;
    this.catalogue = catalogue;
    this.access = access;
  }

  /** @param objectives how many returns a cycle of the period issues: one per objective */
  record PeriodDeadlines(String period, String reportDate, String returnsDue, int objectives) {}

  @GetMapping("/api/deadlines")
  PeriodDeadlines of(@RequestParam String period) {
    access.requireCoordinator("plan cycles");
    Period parsed;
    try {
      parsed = Period.parse(period);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    var fyStart = catalogue.strategy().financialYearStart();
    return new PeriodDeadlines(parsed.text(), parsed.months(fyStart), deadlines.returnsDue(parsed, fyStart).toString(),
        catalogue.objectives().size());
  }
}
