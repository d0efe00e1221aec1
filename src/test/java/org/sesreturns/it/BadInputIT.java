package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of bad input, sent over REST past the form: each is refused with 400 and a message
 * naming the field and the problem, the task stays open and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  private static final String CYCLE = "2031-32-Q1";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  private Rest rest;

  @BeforeAll
  void openCycle() {
    rest = new Rest(port);
    var started = rest.startCycle("ses.coordinator", "2031-32 Q1", "2031-07-15", "2031-08-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
  }

  private int storedSubmissions() {
    return jdbc.sql("select count(*) from return_submission s join objective_return r on r.id = s.return_id where r.cycle_key = ?")
        .param(CYCLE).query(Integer.class).single();
  }

  /** A return for the objective that would be accepted: every prefilled row given a value and status. */
  private Map<String, Object> valid(String lead, String objective, Consumer<ArrayNode> change) {
    String taskId = rest.task(lead, CYCLE + "/" + objective).get("id").asText();
    ArrayNode rows = (ArrayNode) Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, taskId), "kpis"));
    change.accept(rows);
    Map<String, Object> values = new HashMap<>();
    values.put("overallStatus", "green");
    values.put("commentary", "On track");
    values.put("kpis", rows);
    return values;
  }

  private void refused(String lead, String objective, Map<String, Object> values, String... expected) {
    String taskId = rest.task(lead, CYCLE + "/" + objective).get("id").asText();
    int before = storedSubmissions();
    for (boolean viaForm : new boolean[] {false, true}) {
      Rest.Response response = viaForm ? rest.submitForm(lead, taskId, values) : rest.complete(lead, taskId, values);
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      String message = response.json().get("message").asText();
      for (String part : expected) {
        assertThat(message).contains(part);
      }
      // as the lead would read it: no engine ids
      assertThat(message).doesNotContain(taskId);
    }
    assertThat(rest.task(lead, CYCLE + "/" + objective).get("id").asText()).isEqualTo(taskId);
    assertThat(rest.get(lead, "/engine-rest/task/" + taskId).json().get("taskDefinitionKey").asText())
        .isEqualTo("userTask_completeReturn");
    assertThat(storedSubmissions()).isEqualTo(before);
  }

  @Test
  void countThatIsNotANumber() {
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> ((ObjectNode) rows.get(0)).put("achieved", "7 businesses")),
        "KPI row 1 (No of outward engagement campaigns", ", Achieved: '7 businesses' is not a plain number");
  }

  @Test
  void percentageOutsideNoughtToHundred() {
    refused("claire.maguire", "employment",
        valid("claire.maguire", "employment", rows -> ((ObjectNode) rows.get(1)).put("achieved", "140")),
        "KPI row 2 (% of all registered learners are not working", "Achieved: '140' is outside 0 to 100");
  }

  @Test
  void yesNoThatIsNeither() {
    refused("claire.maguire", "employment",
        valid("claire.maguire", "employment", rows -> ((ObjectNode) rows.get(8)).put("achieved", "maybe")),
        "KPI row 9 (", ", Achieved: 'maybe' is not yes, no or n/a");
  }

  @Test
  void statusOutsideTheList() {
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> ((ObjectNode) rows.get(2)).put("status", "purple")),
        "KPI row 3 (", ", Current status: 'purple' is not Green, Amber, Red or None");
    var values = valid("mike.mullin", "business-growth", rows -> { });
    values.put("overallStatus", "none");
    refused("mike.mullin", "business-growth", values, "overallStatus: 'none' is not green, amber or red");
  }

  @Test
  void unknownKpiId() {
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> rows.addObject().put("kpi", "made-up").put("achieved", "1")
            .put("status", "green")),
        "KPI row 12: unknown KPI 'made-up'");
  }

  @Test
  void missingRequiredFields() {
    var noOverall = valid("mike.mullin", "business-growth", rows -> { });
    noOverall.remove("overallStatus");
    noOverall.put("commentary", "  ");
    refused("mike.mullin", "business-growth", noOverall, "overallStatus: is required", "commentary: is required");

    refused("mike.mullin", "business-growth", valid("mike.mullin", "business-growth", rows -> rows.remove(4)),
        "kpis: KPI 'No of new jobs created' (jobs-created) is missing");
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> ((ObjectNode) rows.get(0)).put("achieved", "")),
        "KPI row 1 (", ", Achieved: is required");
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> rows.addObject().put("achieved", "1").put("status", "green")),
        "KPI row 12 (added), KPI: an added KPI row needs a title");
    var notJson = valid("mike.mullin", "business-growth", rows -> { });
    notJson.put("kpis", "not json");
    refused("mike.mullin", "business-growth", notJson, "kpis: is not valid JSON");
  }

  @Test
  void textsOverTheirLimits() {
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> ((ObjectNode) rows.get(0)).put("progress", "x".repeat(4001))),
        "KPI row 1 (", ", Progress to date: is 4001 characters long, over the limit of 4000");
    var longString = valid("mike.mullin", "business-growth", rows -> { });
    longString.put("commentary", "y".repeat(4001));
    refused("mike.mullin", "business-growth", longString, "commentary: is 4001 characters long",
        "send a longer text as a Json string");
    var tooLong = valid("mike.mullin", "business-growth", rows -> { });
    tooLong.put("commentary", Rest.JSON.getNodeFactory().textNode("z".repeat(20_001)));
    refused("mike.mullin", "business-growth", tooLong, "commentary: is 20001 characters long, over the limit of 20000");
  }

  @Test
  void signOffNeedsADecisionAndAReasonToSendBack() {
    String lead = "lee.payne";
    String taskId = rest.task(lead, CYCLE + "/places-housing").get("id").asText();
    assertThat(rest.complete(lead, taskId, valid(lead, "places-housing", rows -> { })).status()).isEqualTo(204);
    String signOff = rest.task("stuart.barnes", CYCLE + "/places-housing").get("id").asText();

    var noDecision = rest.complete("stuart.barnes", signOff, Map.of());
    assertThat(noDecision.status()).isEqualTo(400);
    assertThat(noDecision.json().get("message").asText()).contains("approved: is required");
    var noReason = rest.complete("stuart.barnes", signOff, Map.of("approved", false));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("message").asText()).contains("signOffComment: is required when the return is sent back");
    var notBoolean = rest.complete("stuart.barnes", signOff, Map.of("approved", "yes"));
    assertThat(notBoolean.status()).isEqualTo(400);
    assertThat(notBoolean.json().get("message").asText()).contains("approved: must be a Boolean");

    assertThat(rest.task("stuart.barnes", CYCLE + "/places-housing").get("id").asText()).isEqualTo(signOff);
    assertThat(jdbc.sql("select count(*) from return_submission s join objective_return r on r.id = s.return_id"
        + " where r.cycle_key = ? and s.decision is not null").param(CYCLE).query(Integer.class).single()).isZero();
  }

  @Test
  void badCycleStartsCreateNothing() {
    int cycles = jdbc.sql("select count(*) from cycle").query(Integer.class).single();
    var badPeriod = rest.startCycle("ses.coordinator", "2032 Q1", "2032-07-15", "2032-08-01");
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.json().get("message").asText()).contains("period: '2032 Q1' is not a period");
    var wrongYears = rest.startCycle("ses.coordinator", "2032-34 Q1", "2032-07-15", "2032-08-01");
    assertThat(wrongYears.json().get("message").asText()).contains("does not span two consecutive years");
    var badDates = rest.startCycle("ses.coordinator", "2032-33 Q1", "31/02/2032", "2032-13-01");
    assertThat(badDates.status()).isEqualTo(400);
    assertThat(badDates.json().get("message").asText()).contains("returnsDue: '31/02/2032' is not a date")
        .contains("boardMeeting: '2032-13-01' is not a date");
    var dueAfterBoard = rest.startCycle("ses.coordinator", "2032-33 Q1", "2032-08-15", "2032-08-01");
    assertThat(dueAfterBoard.json().get("message").asText()).contains("must be before the board meeting");
    var running = rest.startCycle("ses.coordinator", "2031-32 Q1", "2031-07-15", "2031-08-01");
    assertThat(running.status()).isEqualTo(400);
    assertThat(running.json().get("message").asText()).contains("2031-32 Q1 has already been started (collecting)");
    // the same over /start, which the engine would answer with 500
    var viaStart = rest.post("ses.coordinator", "/engine-rest/process-definition/key/quarterlyCycleProcess/start",
        Rest.variables(java.util.Map.of("period", "2031-32 Q1", "returnsDue", "2031-07-15", "boardMeeting", "2031-08-01")));
    assertThat(viaStart.status()).as(viaStart.body()).isEqualTo(400);
    assertThat(viaStart.json().get("message").asText()).contains("2031-32 Q1 has already been started (collecting)");
    var other = rest.get("ses.coordinator", "/engine-rest/task/no-such-task");
    assertThat(other.status()).isEqualTo(404);

    assertThat(jdbc.sql("select count(*) from cycle").query(Integer.class).single()).isEqualTo(cycles);
    assertThat(rest.get("ses.coordinator", "/engine-rest/process-instance?maxResults=100&businessKeyLike=2032%25").json().size()).isZero();
  }
}
