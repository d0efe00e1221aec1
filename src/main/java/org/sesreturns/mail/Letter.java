package org.sesreturns.mail;

import java.util.List;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;

/**
 * A message a feature asks to send to one person.
 *
 * @param dedupKey names the state change reported and is unique per recipient: a send step that
 *     runs again finds the message already queued (and, once sent, does not send it again)
 * @param subject what the message is about; the strategy's title is put before it
 * @param model what the kind's templates show; texts in it are escaped in the HTML part
 * @param cc who else receives the same message (Cc), each named in the record of it
 */
public record Letter(MessageKind kind, String dedupKey, String cycleKey, String objectiveId, Recipient to,
    String subject, Map<String, Object> model, List<Recipient> cc) {

  public Letter {
    cc = List.copyOf(cc);
  }

  public Letter(MessageKind kind, String dedupKey, String cycleKey, String objectiveId, Recipient to, String subject,
      Map<String, Object> model) {
    this(kind, dedupKey, cycleKey, objectiveId, to, subject, model, List.of());
  }

  /** Someone of the catalogue, who receives the message. */
  public record Recipient(String id, String name, String email) {

    /** Addresses come from the catalogue. */
    public static Recipient of(Catalogue.Person person) {
      return new Recipient(person.id(), person.name(), person.email());
    }
  }
}
