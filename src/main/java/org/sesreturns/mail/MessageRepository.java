package org.sesreturns.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MessageRepository {

  private final JdbcClient jdbc;

  MessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the message unless one with its dedup key is already recorded. */
  void queue(Letter letter, String subject, String text, String html, OffsetDateTime now) {
    if (find(letter.dedupKey()).isPresent()) {
      return;
    }
    try {
      jdbc.sql("""
              insert into message (dedup_key, cycle_key, objective_id, kind, recipient_id, recipient_address, subject,
                                   text_body, html_body, queued_at, cc_ids, cc_addresses)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(letter.dedupKey(), letter.cycleKey(), letter.objectiveId(), letter.kind().word(), letter.to().id(),
              letter.to().email(), subject, text, html, now, joined(letter.cc(), Letter.Recipient::id),
              joined(letter.cc(), Letter.Recipient::email))
          .update();
    } catch (DuplicateKeyException queuedMeanwhile) {
      // another node queued it at the same moment: one row is all that is needed
    }
  }

  Optional<StoredMessage> find(String dedupKey) {
    return jdbc.sql("select * from message where dedup_key = ?").param(dedupKey).query(MessageRepository::message).optional();
  }

  void markSent(long id, OffsetDateTime at) {
    jdbc.sql("update message set sent_at = ? where id = ? and sent_at is null").params(at, id).update();
  }

  long countUnsent() {
    return jdbc.sql("select count(*) from message where sent_at is null").query(Long.class).single();
  }

  List<StoredMessage> ofCycle(String cycleKey) {
    return jdbc.sql("select * from message where cycle_key = ? order by id").param(cycleKey).query(MessageRepository::message).list();
  }

  private static String joined(List<Letter.Recipient> cc, Function<Letter.Recipient, String> part) {
    return cc.isEmpty() ? null : String.join(",", cc.stream().map(part).toList());
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private static StoredMessage message(ResultSet rs, int n) throws SQLException {
    return new StoredMessage(rs.getLong("id"), rs.getString("cycle_key"), rs.getString("objective_id"), rs.getString("kind"),
        rs.getString("recipient_id"), rs.getString("recipient_address"), rs.getString("subject"), rs.getString("text_body"),
        rs.getString("html_body"), rs.getObject("queued_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
        split(rs.getString("cc_ids")), split(rs.getString("cc_addresses")));
  }
}
