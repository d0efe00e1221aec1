package org.sesreturns.mail;

import java.util.List;
import org.sesreturns.identity.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every message of a cycle, for coordinators: to whom, what, when queued and when sent. */
@RestController
class MessagesController {

  private final Mail mail;
  private final Access access;

  MessagesController(Mail mail, Access access) {
    this.mail = mail;
    this.access = access;
  }

  record MessageView(String kind, String objective, String recipient, String address, List<String> cc,
      List<String> ccAddresses, String subject, String text, String queuedAt, String sentAt) {}

  @GetMapping("/api/cycles/{key}/messages")
  List<MessageView> messages(@PathVariable String key) {
    access.requireCoordinator("read the cycle's messages");
    return mail.ofCycle(key).stream()
        .map(m -> new MessageView(m.kind(), m.objectiveId(), m.recipientId(), m.recipientAddress(), m.ccIds(), m.ccAddresses(), m.subject(), m.text(),
            m.queuedAt().toString(), m.sentAt() == null ? null : m.sentAt().toString()))
        .toList();
  }
}
