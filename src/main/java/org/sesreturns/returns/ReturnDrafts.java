package org.sesreturns.returns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.TextLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Half-filled returns kept on the server: a lead saves from any browser and finds the entries in
 * any other. A draft is what the form holds, so a value the submission would refuse (140 in a
 * percentage) is kept as typed; only its shape, sizes and characters are checked, with the
 * submission's limits, so nothing in it can be larger than a return or hold what no return may.
 */
@Component
class ReturnDrafts {

  /** A draft as saved: the form's entries, who saved them and when. */
  record Draft(ObjectNode content, String savedBy, OffsetDateTime savedAt) {}

  private static final List<String> ROW_FIELDS = List.of("kpi", "title", "target", "achieved", "status", "progress");
  private static final int MAX_WORD = 20;

  private final JdbcClient jdbc;

  ReturnDrafts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Draft> find(long returnId) {
    return jdbc.sql("select content, saved_by, saved_at from return_draft where return_id = ?")
        .param(returnId)
        .query((rs, n) -> new Draft((ObjectNode) read(rs.getString("content")), rs.getString("saved_by"),
            rs.getObject("saved_at", OffsetDateTime.class)))
        .optional();
  }

  /** Keeps the draft in place of the return's earlier one, once its shape and sizes are checked. */
  Draft save(long returnId, Catalogue.Objective objective, JsonNode entries, String user, OffsetDateTime now) {
    ObjectNode content = checked(objective, entries);
    String text = content.toString();
    int updated = jdbc.sql("update return_draft set content = ?, saved_by = ?, saved_at = ? where return_id = ?")
        .params(text, user, now, returnId).update();
    if (updated == 0) {
      try {
        jdbc.sql("insert into return_draft (return_id, content, saved_by, saved_at) values (?, ?, ?, ?)")
            .params(returnId, text, user, now).update();
      } catch (DuplicateKeyException savedMeanwhile) {
        // saved from another browser in the same instant: the later save wins, as it would a moment later
        jdbc.sql("update return_draft set content = ?, saved_by = ?, saved_at = ? where return_id = ?")
            .params(text, user, now, returnId).update();
      }
    }
    return new Draft(content, user, now);
  }

  void discard(long returnId) {
    jdbc.sql("delete from return_draft where return_id = ?").param(returnId).update();
  }

  /**
   * The entries the form sends: {@code kpis} (rows of the catalogue's KPIs by id, and added rows
   * by title), {@code overallStatus} and {@code commentary}. Fields the form does not send are
   * dropped; a wrong shape or an oversized text is refused with what is wrong.
   */
  static ObjectNode checked(Catalogue.Objective objective, JsonNode entries) {
    if (entries == null || !entries.isObject()) {
      throw new InvalidInputException("draft: must be a JSON object with kpis, overallStatus and commentary");
    }
    List<String> problems = new ArrayList<>();
    ObjectNode content = Json.mapper().createObjectNode();
    content.put("overallStatus", text(entries, "overallStatus", MAX_WORD, false, "overallStatus", problems));
    content.put("commentary", text(entries, "commentary", ReturnValidator.MAX_COMMENTARY, true, "commentary", problems));
    ArrayNode rows = content.putArray("kpis");
    JsonNode kpis = entries.path("kpis");
    if (!kpis.isMissingNode() && !kpis.isNull() && !kpis.isArray()) {
      problems.add("kpis: must be a list of rows");
    } else if (kpis.size() > objective.kpis().size() + ReturnValidator.MAX_ADDED_ROWS) {
      problems.add("kpis: more rows than the objective's " + objective.kpis().size() + " KPIs and "
          + ReturnValidator.MAX_ADDED_ROWS + " added rows");
    } else {
      int number = 0;
      for (JsonNode row : kpis) {
        number++;
        String label = "KPI row " + number;
        if (!row.isObject()) {
          problems.add(label + ": must be an object");
          continue;
        }
        ObjectNode kept = rows.addObject();
        for (String field : ROW_FIELDS) {
          int limit = switch (field) {
            case "kpi", "status" -> MAX_WORD * 5;
            case "title" -> ReturnValidator.MAX_TITLE;
            case "progress" -> ReturnValidator.MAX_PROGRESS;
            default -> ReturnValidator.MAX_ACHIEVED;
          };
          String value = text(row, field, limit, field.equals("progress"), label + "." + field, problems);
          if (value != null) {
            kept.put(field, value);
          }
        }
        String kpi = kept.path("kpi").asText(null);
        if (kpi != null && objective.kpis().stream().noneMatch(k -> k.id().equals(kpi))) {
          problems.add(label + ".kpi: '" + kpi + "' is not a KPI of this objective");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the draft was not saved: " + String.join("; ", problems));
    }
    return content;
  }

  private static String text(JsonNode node, String field, int limit, boolean multiLine, String label,
      List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      problems.add(label + ": must be text");
      return null;
    }
    String text = value.asText();
    if (text.length() > limit) {
      problems.add(label + ": is " + text.length() + " characters long, over the limit of " + limit);
      return null;
    }
    // a one-line field keeps what the lead typed around it (a trailing space, say); inside, the submission's rule
    var unsafe = TextLimits.unsafeCharacter(multiLine ? text : text.strip(), multiLine);
    if (unsafe.isPresent()) {
      problems.add(label + ": " + unsafe.get());
      return null;
    }
    return text;
  }

  private static JsonNode read(String content) {
    try {
      return Json.mapper().readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored draft is not JSON", e);
    }
  }
}
