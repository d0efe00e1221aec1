package org.sesreturns.pack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.mail.Letter;
import org.sesreturns.mail.Mail;
import org.sesreturns.mail.MessageKind;
import org.springframework.stereotype.Component;

/**
 * The pack's messages: to the coordinators when every return is in and the compiled pack awaits
 * their review; to the board when the pack is approved, with a link to it. Keyed by the cycle's
 * process instance and the pack's version, so each compilation is announced once.
 */
@Component
class PackNotices {

  private final PackService packs;
  private final CycleService cycles;
  private final Catalogue catalogue;
  private final Mail mail;

  PackNotices(PackService packs, CycleService cycles, Catalogue catalogue, Mail mail) {
    this.packs = packs;
    this.cycles = cycles;
    this.catalogue = catalogue;
    this.mail = mail;
  }

  void toReview(String cycleKey, String processInstanceId) {
    send(MessageKind.PACK_TO_REVIEW, cycleKey, processInstanceId, catalogue.coordinators(), "To review: the board pack for ");
  }

  void approved(String cycleKey, String processInstanceId) {
    send(MessageKind.PACK_APPROVED, cycleKey, processInstanceId, catalogue.board(), "The board pack for ");
  }

  private void send(MessageKind kind, String cycleKey, String processInstanceId, List<String> to, String subject) {
    Cycle cycle = cycles.require(cycleKey);
    PackService.Version latest = packs.latest(cycleKey).orElseThrow();
    int version = latest.version();
    String reportDate = cycle.period().months(catalogue.strategy().financialYearStart());
    Map<String, Object> model = new HashMap<>();
    model.put("period", cycle.period().text());
    model.put("reportDate", reportDate);
    model.put("version", version);
    // compiled without returns still outstanding, as the coordinators decided: named, not hidden
    model.put("missing", String.join(", ", latest.missing().stream()
        .map(id -> catalogue.objective(id).map(o -> o.title()).orElse(id)).toList()));
    model.put("board", catalogue.strategy().board());
    model.put("boardMeeting", cycle.boardMeeting().format(PackBuilder.MEETING));
    // the Board packs page: it takes the reader through logging in, and offers every format
    model.put("packUrl", mail.link("/packs/#cycle-" + cycleKey));
    if (kind == MessageKind.PACK_TO_REVIEW) {
      // straight to the review task, made once this step has committed
      model.put("tasklistUrl", mail.link(ReviewTaskLink.path(cycleKey)));
    }
    mail.send(to.stream().map(catalogue::person).map(person -> new Letter(kind,
        processInstanceId + "/" + kind.word() + "/v" + version + "/" + person.id(), cycleKey, null,
        Letter.Recipient.of(person), subject + reportDate, model)).toList());
  }
}
