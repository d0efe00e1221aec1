package org.sesreturns.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a message to the mail server ({@code spring.mail.*}) as plain text with an HTML
 * alternative; without a mail server, writes it as an {@code .eml} file to the drop folder,
 * which any mail program opens.
 */
@Component
class MailTransport {

  private final ObjectProvider<JavaMailSender> smtp;
  private final MailProperties properties;
  /** One session for the files written without a mail server: making one looks up providers on the class path. */
  private final Session dropSession = Session.getInstance(new Properties());

  MailTransport(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
    this.smtp = smtp;
    this.properties = properties;
  }

  void send(StoredMessage message) {
    JavaMailSender sender = smtp.getIfAvailable();
    try {
      MimeMessage mime = sender != null ? sender.createMimeMessage() : new MimeMessage(dropSession);
      MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(message.recipientAddress());
      if (!message.ccAddresses().isEmpty()) {
        helper.setCc(message.ccAddresses().toArray(String[]::new));
      }
      helper.setSubject(message.subject());
      helper.setText(message.text(), message.html());
      if (sender != null) {
        sender.send(mime);
      } else {
        drop(message, mime);
      }
    } catch (MessagingException | IOException e) {
      throw new MailDeliveryException("message " + message.id() + " to " + message.recipientAddress() + " was not sent", e);
    } catch (MailException e) {
      throw new MailDeliveryException("the mail server did not take message " + message.id() + " to "
          + message.recipientAddress() + ": " + e.getMessage(), e);
    }
  }

  private void drop(StoredMessage message, MimeMessage mime) throws IOException, MessagingException {
    Path folder = Path.of(properties.dropFolder());
    Files.createDirectories(folder);
    Path file = folder.resolve("%06d-%s-%s.eml".formatted(message.id(), message.kind(),
        message.recipientAddress().replaceAll("[^A-Za-z0-9._-]", "_")));
    try (OutputStream out = Files.newOutputStream(file)) {
      mime.writeTo(out);
    }
  }

  /** A message that could not be handed on: the send step fails, retries, and becomes an incident. */
  static class MailDeliveryException extends RuntimeException {
    MailDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
