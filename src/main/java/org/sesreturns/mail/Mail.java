package org.sesreturns.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends messages exactly once. Each letter is recorded (in a transaction of its own, committed
 * before anything is sent), then every recorded letter not yet sent is handed to the mail server
 * and marked sent (again in a transaction of its own). A send step that fails half-way, or runs
 * again, sends only what was not sent; a mail server that is down fails the step, which the
 * engine retries and then shows as an incident, while the state change it reports stays done.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class Mail {

  private final MessageRepository messages;
  private final MailTemplates templates;
  private final MailTransport transport;
  private final MailProperties properties;
  private final Catalogue catalogue;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  Mail(MessageRepository messages, MailTemplates templates, MailTransport transport, MailProperties properties,
      Catalogue catalogue, PlatformTransactionManager transactions, Clock clock) {
    this.messages = messages;
    this.templates = templates;
    this.transport = transport;
    this.properties = properties;
    this.catalogue = catalogue;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Where users reach the application; links in messages start with it. */
  public String link(String path) {
    return properties.baseUrl().replaceAll("/+$", "") + path;
  }

  /** Tasklist, where leads complete and sign off returns. */
  public String tasklist() {
    return link("/camunda/app/tasklist/default/");
  }

  /** One task in Tasklist, opened as the page loads. */
  public String tasklistTask(String taskId) {
    return tasklist() + "#/?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
  }

  public void send(List<Letter> letters) {
    for (Letter letter : letters) {
      if (messages.find(letter.dedupKey()).isPresent()) {
        continue; // queued by an earlier run of the same step
      }
      Map<String, Object> model = new HashMap<>(letter.model());
      model.put("name", letter.to().name());
      model.put("strategy", catalogue.strategy().title());
      // a feature may link straight to a task; otherwise Tasklist's start page
      model.putIfAbsent("tasklistUrl", tasklist());
      String text = templates.text(letter.kind(), model);
      String html = templates.html(letter.kind(), model);
      String subject = "[" + catalogue.strategy().title() + "] " + letter.subject();
      ownTransaction.executeWithoutResult(status -> messages.queue(letter, subject, text, html, OffsetDateTime.now(clock)));
    }
    for (Letter letter : letters) {
      StoredMessage message = messages.find(letter.dedupKey()).orElseThrow();
      if (message.sentAt() == null) {
        transport.send(message);
        ownTransaction.executeWithoutResult(status -> messages.markSent(message.id(), OffsetDateTime.now(clock)));
      }
    }
  }

  public List<StoredMessage> ofCycle(String cycleKey) {
    return messages.ofCycle(cycleKey);
  }
}
