package org.sesreturns.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every change to a return, written in the transaction of the change itself, so a
 * change that is rolled back leaves no entry and an entry always describes a change that happened.
 */
@Service
public class AuditTrail {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One change: {@code before} and {@code after} are values Jackson writes as JSON (records, maps), or null. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String cycleKey, String objectiveId, ReturnEvent event, String actor, Object before, Object after) {
    jdbc.sql("""
            insert into return_event (cycle_key, objective_id, event, actor, at, before_value, after_value)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(cycleKey, objectiveId, event.word(), actor, OffsetDateTime.now(clock), json(before), json(after))
        .update();
  }

  public List<AuditEntry> of(String cycleKey) {
    return jdbc.sql("select * from return_event where cycle_key = ? order by id")
        .param(cycleKey)
        .query((rs, n) -> new AuditEntry(rs.getString("objective_id"), rs.getString("event"), rs.getString("actor"),
            rs.getObject("at", OffsetDateTime.class), tree(rs.getString("before_value")), tree(rs.getString("after_value"))))
        .list();
  }

  private static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an audit value that cannot be written as JSON", e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit value that is not JSON", e);
    }
  }
}
