package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Least privilege over REST: who may see, complete, sign off, start and read what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsIT {

  private static final String CYCLE = "2030-31-Q1";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  private Rest rest;

  @BeforeAll
  void openCycle() {
    rest = new Rest(port);
    var started = rest.startCycle("ses.coordinator", "2030-31 Q1", "2030-07-15", "2030-08-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
  }

  @Test
  void anonymousCallsAreRefused() {
    assertThat(rest.get(null, "/engine-rest/task?maxResults=100").status()).isEqualTo(401);
    assertThat(rest.get(null, "/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(rest.post(null, "/engine-rest/user/create", Map.of("profile", Map.of("id", "intruder"))).status())
        .isEqualTo(401);
    assertThat(rest.get(null, "/api/cycles/" + CYCLE).status()).isEqualTo(401);
    assertThat(rest.get(null, "/api/cycles/" + CYCLE + "/pack").status()).isEqualTo(401);
  }

  @Test
  void unknownUserIsRefused() {
    // (a wrong password for a real user would count towards slowing that user's logins from here)
    var http = java.net.http.HttpClient.newHttpClient();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/engine-rest/task?maxResults=100"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("no.such.person:guess".getBytes()))
        .build();
    try {
      assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void leadSeesOnlyOwnReturns() {
    // (a return's task appears once the message announcing it has gone: a job of its own)
    var tasks = Rest.waitFor(() -> {
      var list = rest.get("mike.mullin", "/engine-rest/task?maxResults=100").json();
      return list.size() > 0 ? list : null;
    }, "mike.mullin's tasks");
    assertThat(Rest.texts(tasks, "assignee")).containsOnly("mike.mullin");

    String claires = rest.task("claire.maguire", CYCLE + "/employment").get("id").asText();
    assertThat(rest.get("mike.mullin", "/engine-rest/task/" + claires).status()).isEqualTo(404);
    assertThat(rest.get("mike.mullin", "/engine-rest/task/" + claires + "/form-variables").status()).isIn(403, 404);
    var completed = rest.complete("mike.mullin", claires, Map.of("overallStatus", "green"));
    assertThat(completed.status()).isIn(403, 404);
    assertThat(rest.get("claire.maguire", "/engine-rest/task/" + claires).status()).isEqualTo(200);
  }

  @Test
  void sesLeadCannotSignOffAnotherObjective() {
    // the equality and diversity return, submitted, waits for its SES lead, Stephen Watson
    var scenarioTask = rest.task("emma.stewart", CYCLE + "/equality-diversity");
    var form = rest.formVariables("emma.stewart", scenarioTask.get("id").asText());
    var rows = Rest.filledIn(Rest.jsonValue(form, "kpis"));
    var done = rest.complete("emma.stewart", scenarioTask.get("id").asText(), Map.of(
        "overallStatus", "green", "commentary", "On track", "kpis", rows));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    String signOff = rest.task("stephen.watson", CYCLE + "/equality-diversity").get("id").asText();

    var byOtherSesLead = rest.complete("stuart.barnes", signOff, Map.of("approved", true));
    assertThat(byOtherSesLead.status()).isIn(403, 404);
    var byProjectLead = rest.complete("emma.stewart", signOff, Map.of("approved", true));
    assertThat(byProjectLead.status()).isIn(403, 404);
    assertThat(rest.get("stephen.watson", "/engine-rest/task/" + signOff).status()).isEqualTo(200);
    assertThat(jdbc.sql("""
        select r.status from objective_return r where r.cycle_key = ? and r.objective_id = ?""")
        .params(CYCLE, "equality-diversity").query(String.class).single()).isEqualTo("submitted");
  }

  @Test
  void leadCannotStartACycle() {
    var response = rest.startCycle("mike.mullin", "2031-32 Q4", "2032-01-15", "2032-02-01");
    assertThat(response.status()).isIn(403, 404);
    var byId = rest.post("mike.mullin", "/engine-rest/process-definition/key/quarterlyCycleProcess/start",
        Rest.variables(Map.of("period", "2031-32 Q4", "returnsDue", "2032-01-15", "boardMeeting", "2032-02-01")));
    assertThat(byId.status()).isIn(403, 404);
    assertThat(jdbc.sql("select count(*) from cycle where cycle_key = '2031-32-Q4'").query(Integer.class).single()).isZero();
  }

  @Test
  void coordinatorsSesLeadsAndTheBoardReadPacks() {
    assertThat(rest.get("mike.mullin", "/api/cycles/" + CYCLE).status()).isEqualTo(403);
    // a project lead who is no SES lead reads no pack, in any format
    for (String format : List.of("", ".html", ".pdf", ".docx", ".xlsx")) {
      assertThat(rest.get("mike.mullin", "/api/cycles/" + CYCLE + "/pack" + format).status()).as(format).isEqualTo(403);
    }
    assertThat(rest.get("mike.mullin", "/api/packs").status()).isEqualTo(403);
    assertThat(rest.get("stuart.barnes", "/api/cycles/" + CYCLE + "/pack").status()).isEqualTo(200);
    assertThat(rest.get("stuart.barnes", "/api/cycles/" + CYCLE).status()).as("cycles are for coordinators and the board")
        .isEqualTo(403);
    assertThat(rest.get("board.member", "/api/cycles/" + CYCLE + "/pack").status()).isEqualTo(200);
    assertThat(rest.get("board.member", "/api/cycles/" + CYCLE + "/pack.pdf").status()).isEqualTo(200);
    assertThat(rest.get("board.member", "/api/cycles/" + CYCLE + "/pack.odt").status()).isEqualTo(404);
    assertThat(rest.get("ses.coordinator", "/api/cycles/" + CYCLE).json().get("status").asText()).isEqualTo("collecting");
  }

  @Test
  void coordinatorFollowsEveryReturn() {
    var tasks = Rest.waitFor(() -> {
      var list = rest.get("ses.coordinator", "/engine-rest/task?maxResults=100&processInstanceBusinessKeyLike=" + CYCLE + "%25").json();
      return list.size() == 11 ? list : null;
    }, "the cycle's 11 return tasks");
    assertThat(tasks.size()).isEqualTo(11);
    var instances = rest.get("ses.coordinator",
        "/engine-rest/process-instance?maxResults=100&processDefinitionKey=objectiveReturnProcess&businessKeyLike=" + CYCLE + "%25").json();
    assertThat(instances.size()).isEqualTo(11);
    assertThat(rest.get("mike.mullin", "/engine-rest/process-instance?maxResults=100&businessKeyLike=" + CYCLE + "%25").json().size())
        .isZero();
  }
}
