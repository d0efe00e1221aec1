package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project lead's half-filled return kept on the server: saved over REST or with the Tasklist
 * login session, read back as typed (a wrong value and markup included), refused to anyone else
 * and to a page without the session's XSRF token, bounded like a return, and gone once the return
 * is submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftIT {

  private static final String CYCLE = "2048-49-Q2";
  private static final String LEAD = "stephanie.jukes";
  private static final String DRAFT = "/api/cycles/" + CYCLE + "/returns/net-zero/draft";
  private static final String COMMENTARY = "Line one.\n\"Quoted\" <b>not bold</b> & £5 – ’curly’ {{ 1 + 1 }}";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aLeadsDraftIsKeptForThemAloneAsTypedUntilTheySubmit() {
    Rest rest = new Rest(port);
    assertThat(rest.startCycle("ses.coordinator", "2048-49 Q2", "2048-10-15", "2048-11-01").status()).isEqualTo(200);
    JsonNode task = rest.task(LEAD, CYCLE + "/net-zero");
    JsonNode kpis = Rest.jsonValue(rest.formVariables(LEAD, task.get("id").asText()), "kpis");
    assertThat(rest.get(LEAD, DRAFT).status()).as("no draft yet").isEqualTo(204);

    // half a return: a value the submission would refuse, an added row, a commentary with markup
    ObjectNode draft = Rest.JSON.createObjectNode();
    ArrayNode rows = draft.putArray("kpis");
    rows.addObject().put("kpi", kpis.get(0).get("kpi").asText()).put("achieved", "140%, about").put("status", "green")
        .put("progress", "Half way");
    rows.addObject().put("title", "Trees planted").put("target", "500").put("achieved", "212").put("status", "")
        .put("progress", "");
    draft.put("overallStatus", "amber");
    draft.put("commentary", COMMENTARY);
    var saved = rest.put(LEAD, DRAFT, draft);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("savedBy").asText()).isEqualTo("Stephanie Jukes");

    JsonNode read = rest.get(LEAD, DRAFT).json();
    assertThat(read.get("commentary").asText()).isEqualTo(COMMENTARY);
    assertThat(read.get("overallStatus").asText()).isEqualTo("amber");
    assertThat(read.get("kpis").get(0).get("achieved").asText()).isEqualTo("140%, about");
    assertThat(read.get("kpis").get(0).get("progress").asText()).isEqualTo("Half way");
    assertThat(read.get("kpis").get(1).get("title").asText()).isEqualTo("Trees planted");
    assertThat(read.get("kpis").get(1).has("kpi")).isFalse();

    // with the Tasklist login: read, and saved only with the session's XSRF token
    WebappSession session = WebappSession.login(port, LEAD, Rest.PASSWORD, "tasklist");
    assertThat(session.get(DRAFT).json().get("commentary").asText()).isEqualTo(COMMENTARY);
    draft.put("overallStatus", "red");
    assertThat(session.put(DRAFT, draft.toString(), false).status()).as("without the XSRF token").isEqualTo(401);
    assertThat(rest.get(LEAD, DRAFT).json().get("overallStatus").asText()).isEqualTo("amber");
    var fromTasklist = session.put(DRAFT, draft.toString(), true);
    assertThat(fromTasklist.status()).as(fromTasklist.body()).isEqualTo(200);
    assertThat(rest.get(LEAD, DRAFT).json().get("overallStatus").asText()).isEqualTo("red");

    // nobody else reads or writes it: its SES lead, a coordinator, another lead, an administrator
    for (String other : List.of("stephan.vanarendsen", "ses.coordinator", "mike.mullin", "admin")) {
      assertThat(rest.get(other, DRAFT).status()).as(other + " reads").isEqualTo(403);
      assertThat(rest.put(other, DRAFT, Map.of("commentary", "mine now")).status()).as(other + " writes").isEqualTo(403);
      assertThat(rest.delete(other, DRAFT).status()).as(other + " discards").isEqualTo(403);
    }

    // bad drafts are refused with what is wrong, and the saved one is kept
    var notAnObject = rest.put(LEAD, DRAFT, List.of("x"));
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json().get("message").asText()).contains("must be a JSON object");
    var tooLong = rest.put(LEAD, DRAFT, Map.of("commentary", "x".repeat(20_001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("message").asText()).contains("commentary: is 20001 characters long, over the limit of 20000");
    var strangeKpi = rest.put(LEAD, DRAFT, Map.of("kpis", List.of(Map.of("kpi", "not-a-kpi", "achieved", "1"))));
    assertThat(strangeKpi.status()).isEqualTo(400);
    assertThat(strangeKpi.json().get("message").asText()).contains("KPI row 1.kpi: 'not-a-kpi' is not a KPI of this objective");
    assertThat(rest.get(LEAD, DRAFT).json().get("commentary").asText()).isEqualTo(COMMENTARY);
    assertThat(rest.get(LEAD, "/api/cycles/" + CYCLE + "/returns/no-such-objective/draft").status()).isEqualTo(404);

    // submitted, the draft is gone: the submission is what the lead wrote
    var done = rest.complete(LEAD, task.get("id").asText(), Map.of("overallStatus", "green", "commentary", COMMENTARY,
        "kpis", Rest.filledIn(kpis)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(jdbc.sql("select count(*) from return_draft d join objective_return r on r.id = d.return_id"
        + " where r.cycle_key = ?").param(CYCLE).query(Integer.class).single()).isZero();
    var afterwards = rest.put(LEAD, DRAFT, draft);
    assertThat(afterwards.status()).isEqualTo(400);
    assertThat(afterwards.json().get("message").asText()).contains("cannot be submitted now");
  }
}
