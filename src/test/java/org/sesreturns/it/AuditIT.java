package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every change to a return is in the audit trail with who, when, and the values before and after;
 * coordinators read it, nobody else. The made-up strategy: Lou leads riverside places, Pat signs
 * it off; Pat leads jobs and skills, Sam signs it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ses.catalogue=classpath:catalogue/made-up.yaml",
    "ses.history=",
    "SES_DB_NAME=ses_alt"})
class AuditIT {

  private static final String COORDINATOR = "riverside.coordinator";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aReturnsWholeLifeIsInTheAudit() {
    Rest rest = new Rest(port);
    String cycle = start(rest, "2027-28 Q1");

    submit(rest, "lou.lead", cycle + "/riverside-places", "Piling has started.");
    decide(rest, "pat.tworoles", cycle + "/riverside-places", false, "Say when the quay opens");
    submit(rest, "lou.lead", cycle + "/riverside-places", "Piling has started; the quay opens in May.");
    decide(rest, "pat.tworoles", cycle + "/riverside-places", true, null);
    submit(rest, "pat.tworoles", cycle + "/jobs-and-skills", "Apprentice starts are on plan.");
    decide(rest, "sam.ses", cycle + "/jobs-and-skills", true, "Good");

    JsonNode review = rest.task(COORDINATOR, cycle, "userTask_reviewPack");
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("userTask_reviewPack");
    var reopened = rest.complete(COORDINATOR, review.get("id").asText(), Map.of("packApproved", false,
        "packReviewComment", "The quay date contradicts the programme", "reopenObjectives", "riverside-places"));
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(204);

    var response = rest.get(COORDINATOR, "/api/cycles/" + cycle + "/audit");
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> riverside = StreamSupport.stream(response.json().spliterator(), false)
        .filter(e -> e.get("objective").asText().equals("riverside-places")).toList();
    assertThat(riverside).extracting(e -> e.get("event").asText())
        .containsExactly("issued", "submitted", "sent-back", "submitted", "signed-off", "reopened");
    assertThat(riverside).extracting(e -> e.get("actor").asText())
        .containsExactly("riverside.coordinator", "lou.lead", "pat.tworoles", "lou.lead", "pat.tworoles",
            "riverside.coordinator");
    assertThat(riverside).allSatisfy(e -> assertThat(e.get("at").asText()).isNotBlank());

    JsonNode issued = riverside.get(0);
    assertThat(issued.get("before").isNull()).isTrue();
    assertThat(issued.at("/after/projectLead").asText()).isEqualTo("lou.lead");
    assertThat(issued.at("/after/sesLead").asText()).isEqualTo("pat.tworoles");

    JsonNode first = riverside.get(1);
    assertThat(first.at("/before/status").asText()).isEqualTo("issued");
    assertThat(first.at("/before/submission").isMissingNode()).isTrue();
    assertThat(first.at("/after/submission/commentary").asText()).isEqualTo("Piling has started.");
    assertThat(first.at("/after/submission/overallStatus").asText()).isEqualTo("amber");
    assertThat(first.at("/after/submission/kpis/0/kpi").asText()).isEqualTo("masterplan");

    JsonNode sentBack = riverside.get(2);
    assertThat(sentBack.at("/before/status").asText()).isEqualTo("submitted");
    assertThat(sentBack.at("/after/status").asText()).isEqualTo("returned");
    assertThat(sentBack.at("/after/comment").asText()).isEqualTo("Say when the quay opens");

    JsonNode second = riverside.get(3);
    assertThat(second.at("/before/status").asText()).isEqualTo("returned");
    assertThat(second.at("/before/submission/commentary").asText()).isEqualTo("Piling has started.");
    assertThat(second.at("/after/submission/commentary").asText()).isEqualTo("Piling has started; the quay opens in May.");
    assertThat(second.at("/after/submission/version").asInt()).isEqualTo(2);

    JsonNode signedOff = riverside.get(4);
    assertThat(signedOff.at("/before/status").asText()).isEqualTo("submitted");
    assertThat(signedOff.at("/after/status").asText()).isEqualTo("signed-off");

    JsonNode reopen = riverside.get(5);
    assertThat(reopen.at("/before/status").asText()).isEqualTo("signed-off");
    assertThat(reopen.at("/after/status").asText()).isEqualTo("reopened");
    assertThat(reopen.at("/after/comment").asText()).isEqualTo("The quay date contradicts the programme");

    // the record is the application's: the engine's history clean-up does not touch it
    assertThat(jdbc.sql("select count(*) from return_event where cycle_key = ?").param(cycle).query(Integer.class).single())
        .isEqualTo(response.json().size());

    for (String user : List.of("lou.lead", "pat.tworoles", "sam.ses", "riverside.board", "admin")) {
      assertThat(rest.get(user, "/api/cycles/" + cycle + "/audit").status()).as(user).isEqualTo(403);
    }
    assertThat(rest.get(null, "/api/cycles/" + cycle + "/audit").status()).isEqualTo(401);
  }

  @Test
  void aCoordinatorReassignsAReturnAndTheNewLeadIsTheOneOfRecord() {
    Rest rest = new Rest(port);
    String cycle = start(rest, "2027-28 Q2");
    String key = cycle + "/jobs-and-skills";
    String task = rest.task("pat.tworoles", key).get("id").asText();

    // Pat cannot hand the return on; the coordinator cannot hand it to its SES lead
    assertThat(rest.post("pat.tworoles", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "lou.lead"))
        .status()).isEqualTo(403);
    var toSesLead = rest.post(COORDINATOR, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "sam.ses"));
    assertThat(toSesLead.status()).as(toSesLead.body()).isEqualTo(400);
    assertThat(toSesLead.json().get("message").asText()).contains("cannot both complete and sign off");
    var toNobody = rest.post(COORDINATOR, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "intruder"));
    assertThat(toNobody.status()).isEqualTo(400);
    assertThat(projectLead(cycle)).isEqualTo("pat.tworoles");

    var reassigned = rest.post(COORDINATOR, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "lou.lead"));
    assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
    assertThat(projectLead(cycle)).isEqualTo("lou.lead");

    // Pat may still see the task the engine once gave them, but no longer submits the return
    JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables("lou.lead", task), "kpis"));
    Map<String, Object> entry = Map.of("overallStatus", "green", "commentary", "On plan", "kpis", rows);
    assertThat(rest.complete("pat.tworoles", task, entry).status()).isIn(403, 404);
    assertThat(rest.complete("lou.lead", task, entry).status()).isEqualTo(204);
    assertThat(jdbc.sql("""
        select s.submitted_by from return_submission s join objective_return r on r.id = s.return_id
        where r.cycle_key = ? and r.objective_id = 'jobs-and-skills'""").param(cycle).query(String.class).single())
        .isEqualTo("lou.lead");

    JsonNode audit = rest.get(COORDINATOR, "/api/cycles/" + cycle + "/audit").json();
    JsonNode reassignment = StreamSupport.stream(audit.spliterator(), false)
        .filter(e -> e.get("event").asText().equals("reassigned")).findFirst().orElseThrow();
    assertThat(reassignment.get("actor").asText()).isEqualTo(COORDINATOR);
    assertThat(reassignment.at("/before/projectLead").asText()).isEqualTo("pat.tworoles");
    assertThat(reassignment.at("/after/projectLead").asText()).isEqualTo("lou.lead");

    // the sign-off stays with Sam, the SES lead of record
    assertThat(rest.task("sam.ses", key).get("taskDefinitionKey").asText()).isEqualTo("userTask_signOffReturn");
  }

  private String start(Rest rest, String period) {
    var started = rest.startCycle(COORDINATOR, period, period.substring(0, 4) + "-07-10", period.substring(0, 4) + "-07-30");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return period.replace(' ', '-');
  }

  private String projectLead(String cycle) {
    return jdbc.sql("select project_lead from objective_return where cycle_key = ? and objective_id = 'jobs-and-skills'")
        .param(cycle).query(String.class).single();
  }

  private static void submit(Rest rest, String lead, String key, String commentary) {
    JsonNode task = rest.task(lead, key);
    JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, task.get("id").asText()), "kpis"));
    var done = rest.complete(lead, task.get("id").asText(),
        Map.of("overallStatus", "amber", "commentary", commentary, "kpis", rows));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static void decide(Rest rest, String sesLead, String key, boolean approved, String comment) {
    JsonNode task = rest.task(sesLead, key);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("userTask_signOffReturn");
    var decision = new java.util.HashMap<String, Object>(Map.of("approved", approved));
    if (comment != null) {
      decision.put("signOffComment", comment);
    }
    var done = rest.complete(sesLead, task.get("id").asText(), decision);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }
}
