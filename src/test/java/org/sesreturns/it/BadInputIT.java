package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.sesreturns.catalogue.Catalogue;
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

  @Autowired
  Catalogue catalogue;

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

  /** A commentary as leads write them, with the bad character in the middle of a sentence. */
  private static String commentary(String bad) {
    return "InvestSefton remains focussed on business growth and sustainability.\n"
        + "\tThe team has handled 7,603 enquiries since March 2020" + bad + " and has been awarded £782,414 for"
        + " Place Based Business Support.";
  }

  @Test
  void aNulOrABidirectionalOverrideInAReturnIsRefusedNamingTheField() {
    var nul = valid("mike.mullin", "business-growth", rows -> { });
    nul.put("commentary", Rest.JSON.getNodeFactory().textNode(commentary("\u0000")));
    refused("mike.mullin", "business-growth", nul,
        "commentary: character 124 is U+0000 (null), a control character, which cannot be stored");

    // "Events on track" that would print as "kcart no stnevE" after the override
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> ((ObjectNode) rows.get(0))
            .put("progress", "Events remain on track\u202E with excellent take up from businesses")),
        "KPI row 1 (No of outward engagement campaigns", ", Progress to date: character 23 is U+202E (right-to-left override)",
        "in another order than it was typed");
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> rows.addObject().put("title", "Businesses\u2066 visited")
            .put("target", "40").put("achieved", "12").put("status", "green")),
        "KPI row 12 (added), KPI: character 11 is U+2066 (left-to-right isolate)");
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> rows.addObject().put("title", "Businesses visited")
            .put("target", "40").put("achieved", "12\t(of 40)").put("status", "green")),
        "KPI row 12 (added), Achieved: character 3 is U+0009 (character tabulation): a one-line field holds no tab");
    refused("mark.catherall", "places-tourism",
        valid("mark.catherall", "places-tourism", rows -> ((ObjectNode) rows.get(3))
            .put("achieved", "Two events\u202D secured for 2025")),
        "KPI row 4 (Securing new multi-day business events", ", Achieved: character 11 is U+202D (left-to-right override)");
  }

  @Test
  void aFigureOfFortyDigitsIsRefusedNamingTheKpiRow() {
    refused("mike.mullin", "business-growth",
        valid("mike.mullin", "business-growth", rows -> ((ObjectNode) rows.get(0))
            .put("achieved", "1234567890123456789012345678901234567890")),
        "KPI row 1 (No of outward engagement campaigns",
        ", Achieved: '12345678901234567890…' has 40 digits before the decimal point: a figure has at most 12");
    refused("claire.maguire", "employment",
        valid("claire.maguire", "employment", rows -> ((ObjectNode) rows.get(1)).put("achieved", "33.33333")),
        "KPI row 2 (% of all registered learners are not working", "Achieved: '33.33333' has 5 decimal places");
  }

  @Test
  void aDraftWithABidirectionalOverrideIsRefusedAndTheSavedOneStays() {
    String lead = "mark.catherall";
    String objective = jdbc.sql("select objective_id from objective_return where cycle_key = ? and project_lead = ?")
        .params(CYCLE, lead).query(String.class).list().get(0);
    String draft = "/api/cycles/" + CYCLE + "/returns/" + objective + "/draft";
    ObjectNode saved = Rest.JSON.createObjectNode();
    saved.put("overallStatus", "amber");
    saved.put("commentary", commentary(""));
    saved.putArray("kpis");
    assertThat(rest.put(lead, draft, saved).status()).isEqualTo(200);

    for (String bad : new String[] {"\u202E", "\u0000", "\u001b[2J"}) {
      ObjectNode changed = saved.deepCopy();
      changed.put("commentary", commentary(bad));
      var response = rest.put(lead, draft, changed);
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).startsWith("the draft was not saved: commentary: character 124 is U+");
    }
    assertThat(rest.get(lead, draft).json().get("commentary").asText()).isEqualTo(commentary(""));
  }

  @Test
  void aSignOffCommentWithAControlCharacterIsRefusedAndTheTaskStays() {
    String lead = "ian.loughlin";
    String taskId = rest.task(lead, CYCLE + "/places-planning").get("id").asText();
    assertThat(rest.complete(lead, taskId, valid(lead, "places-planning", rows -> { })).status()).isEqualTo(204);
    String signOff = rest.task("stuart.barnes", CYCLE + "/places-planning").get("id").asText();

    var response = rest.complete("stuart.barnes", signOff, Map.of("approved", false,
        "signOffComment", "Please give the number of dwellings\u202E for the quarter, not the year"));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .contains("signOffComment: character 36 is U+202E (right-to-left override), which cannot be stored");

    assertThat(rest.task("stuart.barnes", CYCLE + "/places-planning").get("id").asText()).isEqualTo(signOff);
    assertThat(jdbc.sql("select count(*) from return_submission s join objective_return r on r.id = s.return_id"
        + " where r.cycle_key = ? and r.objective_id = 'places-planning' and s.decision is not null")
        .param(CYCLE).query(Integer.class).single()).isZero();
  }

  @Test
  void cycleDatesOutsideTheQuartersWindowAreRefused() {
    int cycles = jdbc.sql("select count(*) from cycle").query(Integer.class).single();
    var longAgo = rest.startCycle("ses.coordinator", "2032-33 Q1", "1900-01-01", "2032-08-01");
    assertThat(longAgo.status()).as(longAgo.body()).isEqualTo(400);
    assertThat(longAgo.json().get("message").asText())
        .contains("returnsDue: 1900-01-01 is not after the quarter 2032-33 Q1 began on 2032-04-01");
    var farOff = rest.startCycle("ses.coordinator", "2032-33 Q1", "2032-07-15", "2040-08-01");
    assertThat(farOff.status()).isEqualTo(400);
    assertThat(farOff.json().get("message").asText())
        .contains("boardMeeting: 2040-08-01 is more than a year after the quarter 2032-33 Q1 ends: at the latest 2033-06-30");
    var boardFirst = rest.startCycle("ses.coordinator", "2032-33 Q1", "2032-07-15", "2032-07-01");
    assertThat(boardFirst.json().get("message").asText()).contains("returnsDue: 2032-07-15 must be before the board meeting on 2032-07-01");

    assertThat(jdbc.sql("select count(*) from cycle").query(Integer.class).single()).isEqualTo(cycles);
    assertThat(rest.get("ses.coordinator", "/engine-rest/process-instance?maxResults=100&businessKeyLike=2032-33%25").json().size()).isZero();
  }

  @Test
  void jsonNestedAThousandLevelsDeepIsABadRequestOnEveryApi() {
    String deep = "[".repeat(1_000) + "]".repeat(1_000);
    String taskId = rest.task("mike.mullin", CYCLE + "/business-growth").get("id").asText();
    int before = storedSubmissions();

    var engine = rest.postText("mike.mullin", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\": {\"commentary\": {\"value\": " + deep + "}}}");
    assertThat(engine.status()).as(engine.body()).isEqualTo(400);
    assertThat(engine.json().get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(engine.json().get("message").asText()).isEqualTo(
        "the request's JSON is nested more than 64 levels deep: nothing this application takes is, so it is refused");
    // the same held in a Json variable's text, which Spin would parse
    var inText = rest.post("mike.mullin", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("kpis", Map.of("type", "Json", "value", deep))));
    assertThat(inText.status()).as(inText.body()).isEqualTo(400);
    assertThat(inText.json().get("message").asText()).startsWith("the JSON in the text of 'value' is nested more than 64");

    WebappSession tasklist = WebappSession.login(port, "mike.mullin", Rest.PASSWORD, "tasklist");
    var webapps = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\": {\"kpis\": {\"value\": " + deep + "}}}");
    assertThat(webapps.status()).as(webapps.body()).isEqualTo(400);
    assertThat(webapps.json().get("message").asText()).contains("nested more than 64 levels deep");

    String draft = "/api/cycles/" + CYCLE + "/returns/business-growth/draft";
    // the draft as Tasklist saves it, with the login session
    var api = tasklist.put(draft, "{\"kpis\": " + deep + "}", true);
    assertThat(api.status()).as(api.body()).isEqualTo(400);
    assertThat(api.json().get("message").asText()).contains("nested more than 64 levels deep");

    assertThat(rest.task("mike.mullin", CYCLE + "/business-growth").get("id").asText()).isEqualTo(taskId);
    assertThat(storedSubmissions()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from return_draft d join objective_return r on r.id = d.return_id"
        + " where r.cycle_key = ? and r.objective_id = 'business-growth'").param(CYCLE).query(Integer.class).single()).isZero();
  }

  /**
   * A quarter gone by, run to its pack: the coordinators' reason to compile without the missing
   * returns, their review and the board's decisions are refused with a bad character, and the
   * meeting with a date before the quarter; nothing of them is stored, and the cycle then closes.
   * On PostgreSQL the suite shares one database: the quarter comes after SeftonCycleIT's (a quarter
   * closed before theirs would become their previous quarter) and is never one of the last six
   * months' quarters that DeadlinesIT starts.
   */
  @Test
  void theCoordinatorsTextsAndTheMeetingDateAreCheckedToo() {
    String period = "2025-26 Q2";
    String key = "2025-26-Q2";
    var started = rest.startCycle("ses.coordinator", period, "2025-10-16", "2025-11-03");
    assertThat(started.status()).as(started.body()).isEqualTo(200);

    JsonNode compileWithout = rest.task("ses.coordinator", key, "userTask_compileWithoutMissing");
    var reason = rest.complete("ses.coordinator", compileWithout.get("id").asText(),
        Map.of("compileReason", "The board meets on Monday\u0000 and cannot wait for the late returns"));
    assertThat(reason.status()).as(reason.body()).isEqualTo(400);
    assertThat(reason.json().get("message").asText()).contains("compileReason: character 26 is U+0000 (null)");
    assertThat(jdbc.sql("select count(*) from cycle where cycle_key = ? and compile_without_reason is not null")
        .param(key).query(Integer.class).single()).isZero();

    for (Catalogue.Objective objective : catalogue.objectives()) {
      String lead = objective.projectLead();
      String taskId = rest.task(lead, key + "/" + objective.id()).get("id").asText();
      ArrayNode rows = (ArrayNode) Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, taskId), "kpis"));
      var done = rest.complete(lead, taskId, Map.of("overallStatus", "green", "commentary", commentary(""), "kpis", rows));
      assertThat(done.status()).as(done.body()).isEqualTo(204);
      String signOff = rest.task(objective.sesLead(), key + "/" + objective.id()).get("id").asText();
      assertThat(rest.complete(objective.sesLead(), signOff, Map.of("approved", true)).status()).isEqualTo(204);
    }

    JsonNode review = rest.task("ses.coordinator", key, "userTask_reviewPack");
    var reopen = rest.complete("ses.coordinator", review.get("id").asText(), Map.of("packApproved", false,
        "reopenObjectives", "business-growth", "packReviewComment", "The jobs figure\u202E reads as last year's"));
    assertThat(reopen.status()).as(reopen.body()).isEqualTo(400);
    assertThat(reopen.json().get("message").asText()).contains("packReviewComment: character 16 is U+202E");
    assertThat(rest.get("ses.coordinator", "/api/cycles/" + key).json().get("status").asText()).isEqualTo("reviewing");
    assertThat(jdbc.sql("select count(*) from objective_return where cycle_key = ? and status <> 'signed-off'")
        .param(key).query(Integer.class).single()).as("no return reopened").isZero();
    // an executive summary with a bidirectional override is refused with the approval: neither is kept
    int versions = jdbc.sql("select count(*) from pack_version where cycle_key = ?").param(key).query(Integer.class).single();
    var spoofedSummary = rest.complete("ses.coordinator", review.get("id").asText(), Map.of("packApproved", true,
        "executiveSummary", "All objectives on track.\n\nHousing\u202E is behind."));
    assertThat(spoofedSummary.status()).as(spoofedSummary.body()).isEqualTo(400);
    assertThat(spoofedSummary.json().get("message").asText()).contains("executiveSummary: character 34 is U+202E");
    assertThat(rest.get("ses.coordinator", "/api/cycles/" + key).json().get("status").asText()).isEqualTo("reviewing");
    assertThat(jdbc.sql("select count(*) from pack_summary where cycle_key = ?").param(key).query(Integer.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from pack_version where cycle_key = ?").param(key).query(Integer.class).single())
        .as("no version compiled").isEqualTo(versions);
    var tooLong = rest.complete("ses.coordinator", review.get("id").asText(), Map.of("packApproved", true,
        "executiveSummary", com.fasterxml.jackson.databind.node.TextNode.valueOf("The board should note. ".repeat(400))));
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.json().get("message").asText()).contains("an executive summary has at most 8000");
    assertThat(rest.complete("ses.coordinator", review.get("id").asText(), Map.of("packApproved", true)).status())
        .isEqualTo(204);

    String present = rest.task("ses.coordinator", key, "userTask_presentPack").get("id").asText();
    var beforeQuarter = rest.complete("ses.coordinator", present,
        Map.of("boardMeetingHeld", "2025-06-30", "boardDecisions", "The board noted the pack."));
    assertThat(beforeQuarter.status()).as(beforeQuarter.body()).isEqualTo(400);
    assertThat(beforeQuarter.json().get("message").asText())
        .contains("boardMeetingHeld: 2025-06-30 is before the quarter 2025-26 Q2 began on 2025-07-01");
    var spoofed = rest.complete("ses.coordinator", present,
        Map.of("boardMeetingHeld", "2025-11-03", "boardDecisions", "The board approved\u2067 the pack.\n\tNo actions."));
    assertThat(spoofed.status()).isEqualTo(400);
    assertThat(spoofed.json().get("message").asText()).contains("boardDecisions: character 19 is U+2067 (right-to-left isolate)");
    assertThat(jdbc.sql("select count(*) from cycle where cycle_key = ? and (board_meeting_held is not null or board_decisions is not null)")
        .param(key).query(Integer.class).single()).isZero();
    assertThat(rest.task("ses.coordinator", key, "userTask_presentPack").get("id").asText()).isEqualTo(present);

    var held = rest.complete("ses.coordinator", present,
        Map.of("boardMeetingHeld", "2025-11-03", "boardDecisions", "The board approved the pack.\n\tNo actions."));
    assertThat(held.status()).as(held.body()).isEqualTo(204);
    assertThat(rest.get("ses.coordinator", "/api/cycles/" + key).json().get("status").asText()).isEqualTo("closed");
  }
}
