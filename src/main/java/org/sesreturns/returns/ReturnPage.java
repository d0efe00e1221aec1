package org.sesreturns.returns;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.identity.Access;
import org.sesreturns.identity.Caller;
import org.sesreturns.identity.CurrentUser;
import org.sesreturns.mail.Mail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One return as it stands, for the people it belongs to: the page the signed-off message links
 * to, since a return that is signed off has no task left in Tasklist to open. It shows the latest
 * submission (every KPI, the overall status, the commentary) and who submitted and decided it,
 * when. Only the return's project lead and SES lead, and the coordinators, read it; anyone else is
 * told so, and whoever is not logged in is asked to log in first (the webapps' login, no second
 * password).
 */
@Controller
class ReturnPage {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

  private final ReturnService returns;
  private final CycleOfReturns cycles;
  private final Catalogue catalogue;
  private final CurrentUser currentUser;
  private final Access access;
  private final Mail mail;

  ReturnPage(ReturnService returns, CycleOfReturns cycles, Catalogue catalogue, CurrentUser currentUser, Access access,
      Mail mail) {
    this.returns = returns;
    this.cycles = cycles;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
    this.access = access;
    this.mail = mail;
  }

  /** A KPI's line as submitted. */
  record Line(String title, String target, String achieved, String status, String statusWord, String progress) {}

  /** The latest submission and the decision on it. */
  record Shown(int version, String overallStatus, String overallStatusWord, String commentary, List<Line> kpis,
      String submittedBy, String submittedAt, String decision, String decidedBy, String decidedAt, String decisionComment) {}

  @GetMapping("/ses/returns/{cycleKey:\\d{4}-\\d{2}-Q[1-4]}/{objectiveId:[a-z0-9-]+}")
  String show(@PathVariable String cycleKey, @PathVariable String objectiveId, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    model.addAttribute("strategy", catalogue.strategy().title());
    model.addAttribute("tasklist", mail.tasklist());
    model.addAttribute("welcome", mail.link("/camunda/app/welcome/default/"));
    Optional<Caller> caller = currentUser.get(request);
    if (caller.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      model.addAttribute("refusal", "login");
      return "return";
    }
    ReturnKey key = new ReturnKey(cycleKey, objectiveId);
    var objective = catalogue.objective(objectiveId);
    var cycle = cycles.find(cycleKey);
    if (objective.isEmpty() || cycle.isEmpty() || !returns.exists(key)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("refusal", "missing");
      return "return";
    }
    StoredReturn stored = returns.record(key);
    String me = caller.get().userId();
    if (!me.equals(stored.projectLead()) && !me.equals(stored.sesLead()) && !access.runsCycles(caller.get())) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("refusal", "forbidden");
      return "return";
    }
    model.addAttribute("objective", objective.get().title());
    model.addAttribute("quarter", cycle.get().period().months(catalogue.strategy().financialYearStart()));
    model.addAttribute("period", cycle.get().period().text());
    model.addAttribute("projectLead", name(stored.projectLead()));
    model.addAttribute("sesLead", name(stored.sesLead()));
    model.addAttribute("standing", standing(stored));
    model.addAttribute("shown", stored.latest().map(this::shown).orElse(null));
    return "return";
  }

  /** Where the return stands, in a lead's words. */
  private static String standing(StoredReturn stored) {
    return switch (stored.status()) {
      case ISSUED -> "Issued: not submitted yet.";
      case SUBMITTED -> "Submitted: awaiting its SES lead's sign-off.";
      case RETURNED -> "Sent back to its project lead for changes.";
      case SIGNED_OFF -> "Signed off: it goes into the board pack as shown here.";
      case REOPENED -> "Reopened by the coordinators for a correction: back with its project lead.";
    };
  }

  private Shown shown(StoredReturn.Version v) {
    List<Line> lines = v.submission().kpis().stream()
        .map(k -> new Line(k.title(), k.target(), k.achieved(), k.status().label(), k.status().word(), k.progress()))
        .toList();
    String decision = v.decision() == null ? null : switch (v.decision()) {
      case "approved" -> "Signed off";
      case "returned" -> "Sent back";
      default -> v.decision();
    };
    return new Shown(v.version(), v.submission().overallStatus().label(), v.submission().overallStatus().word(),
        v.submission().commentary(), lines, name(v.submittedBy()), when(v.submittedAt()), decision, name(v.decidedBy()),
        when(v.decidedAt()), v.decisionComment());
  }

  private String name(String userId) {
    return userId == null ? null : catalogue.nameOf(userId);
  }

  private static String when(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(UK).format(WHEN);
  }
}
