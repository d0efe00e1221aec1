package org.sesreturns.pack;

import org.sesreturns.cycle.CycleInstances;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.mail.Mail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The review message's link to the review task itself. The message is sent before the task is
 * made (its step runs after the compiled pack has committed), so it cannot name the task's id:
 * it links here, and this sends the coordinator on to the cycle's review task in Tasklist, the
 * one open now, or the last one when it is done (Tasklist then says who completed it and when).
 * It answers without a login (a message's link is followed from a mail client): a stranger learns
 * the review task's id, which Tasklist opens only after a login with the right to it, and whether
 * the cycle has reached its review, which its Board packs entry says to the board too.
 */
@Controller
class ReviewTaskLink {

  private final CycleService cycles;
  private final CycleInstances instances;
  private final Mail mail;

  ReviewTaskLink(CycleService cycles, CycleInstances instances, Mail mail) {
    this.cycles = cycles;
    this.instances = instances;
    this.mail = mail;
  }

  /** The path of the link for a cycle's review. */
  static String path(String cycleKey) {
    return "/ses/review/" + cycleKey;
  }

  @GetMapping("/ses/review/{cycleKey:\\d{4}-\\d{2}-Q[1-4]}")
  String open(@PathVariable String cycleKey) {
    var cycle = cycles.find(cycleKey).filter(c -> c.processInstanceId() != null);
    if (cycle.isEmpty()) {
      return "redirect:" + mail.tasklist();
    }
    return "redirect:" + instances.reviewTask(cycle.get().processInstanceId()).map(mail::tasklistTask)
        .orElseGet(mail::tasklist);
  }
}
