package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a probe did with nothing but a real login, each as a test of its own: every one of them
 * worked before the application decided who may do what (issue 5), and each refusal leaves
 * nothing stored. Business growth: Mike Mullin completes the return, Stuart Barnes signs it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttacksIT {

  private static final String LEAD = "mike.mullin";
  private static final String SES_LEAD = "stuart.barnes";
  private static final String OBJECTIVE = "business-growth";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  private Rest rest;

  @BeforeAll
  void client() {
    rest = new Rest(port);
  }

  @Test
  void projectLeadCannotMakeThemselvesTheSesLead() {
    String cycle = start("2040-41 Q1");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();

    var written = rest.put(LEAD, "/engine-rest/task/" + task + "/variables/sesLead", Map.of("value", LEAD));
    assertThat(written.status()).as(written.body()).isEqualTo(403);
    var local = rest.put(LEAD, "/engine-rest/task/" + task + "/localVariables/sesLead", Map.of("value", LEAD));
    assertThat(local.status()).as(local.body()).isEqualTo(403);

    Map<String, Object> withRoute = new LinkedHashMap<>(honestReturn(task));
    withRoute.put("sesLead", LEAD);
    var completed = rest.complete(LEAD, task, withRoute);
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(completed.json().get("message").asText()).contains("sesLead");
    var submitted = rest.submitForm(LEAD, task, withRoute);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
    assertThat(returnStatus(cycle)).isEqualTo("issued");
    assertThat(submissions(cycle)).isZero();

    // the honest submission reaches the SES lead of record, whatever was tried before
    assertThat(rest.complete(LEAD, task, honestReturn(task)).status()).isEqualTo(204);
    JsonNode signOff = rest.task(SES_LEAD, cycle + "/" + OBJECTIVE);
    assertThat(signOff.get("assignee").asText()).isEqualTo(SES_LEAD);
    var selfApproval = rest.complete(LEAD, signOff.get("id").asText(), Map.of("approved", true));
    assertThat(selfApproval.status()).isIn(403, 404);
    assertThat(returnStatus(cycle)).isEqualTo("submitted");
    assertThat(cycleView(cycle)).doesNotContain("signed-off");
  }

  @Test
  void sesLeadCannotSendAReturnBackToThemselves() {
    String cycle = start("2040-41 Q2");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    assertThat(rest.complete(LEAD, task, honestReturn(task)).status()).isEqualTo(204);
    String signOff = rest.task(SES_LEAD, cycle + "/" + OBJECTIVE).get("id").asText();

    var written = rest.put(SES_LEAD, "/engine-rest/task/" + signOff + "/variables/projectLead", Map.of("value", SES_LEAD));
    assertThat(written.status()).as(written.body()).isEqualTo(403);
    Map<String, Object> sendBack = new LinkedHashMap<>();
    sendBack.put("approved", false);
    sendBack.put("signOffComment", "Please add the March figures");
    sendBack.put("projectLead", SES_LEAD);
    var completed = rest.complete(SES_LEAD, signOff, sendBack);
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(returnStatus(cycle)).isEqualTo("submitted");

    sendBack.remove("projectLead");
    assertThat(rest.complete(SES_LEAD, signOff, sendBack).status()).isEqualTo(204);
    JsonNode again = rest.task(LEAD, cycle + "/" + OBJECTIVE);
    assertThat(again.get("taskDefinitionKey").asText()).isEqualTo("userTask_completeReturn");
    assertThat(again.get("assignee").asText()).isEqualTo(LEAD);
    assertThat(rest.get(SES_LEAD, "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + cycle + "%2F" + OBJECTIVE)
        .json().size()).isZero();
  }

  @Test
  void leadCannotHandTheirReturnToAnyoneElse() {
    String cycle = start("2040-41 Q3");
    JsonNode task = rest.task(LEAD, cycle + "/" + OBJECTIVE);
    String id = task.get("id").asText();

    assertThat(rest.post(LEAD, "/engine-rest/task/" + id + "/assignee", Map.of("userId", "claire.maguire")).status())
        .isEqualTo(403);
    assertThat(rest.post(LEAD, "/engine-rest/task/" + id + "/delegate", Map.of("userId", "claire.maguire")).status())
        .isEqualTo(403);
    assertThat(rest.post(LEAD, "/engine-rest/task/" + id + "/identity-links",
        Map.of("groupId", "ses-project-leads", "type", "candidate")).status()).isEqualTo(403);
    assertThat(rest.post(LEAD, "/engine-rest/task/" + id + "/identity-links",
        Map.of("userId", "claire.maguire", "type", "candidate")).status()).isEqualTo(403);
    assertThat(rest.put(LEAD, "/engine-rest/task/" + id, Map.of("name", "Anything", "assignee", "claire.maguire"))
        .status()).isEqualTo(403);

    JsonNode after = rest.get(LEAD, "/engine-rest/task/" + id).json();
    assertThat(after.get("assignee").asText()).isEqualTo(LEAD);
    assertThat(after.get("name").asText()).isEqualTo(task.get("name").asText());
    assertThat(rest.get("claire.maguire", "/engine-rest/task/" + id).status()).isEqualTo(404);
    assertThat(rest.get(LEAD, "/engine-rest/task/" + id + "/identity-links").json().toString())
        .doesNotContain("claire.maguire").doesNotContain("ses-project-leads");
  }

  @Test
  void coordinatorCannotStartACycleHalfWayRound() {
    String cycle = start("2040-41 Q4");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    assertThat(rest.complete(LEAD, task, honestReturn(task)).status()).isEqualTo(204);
    String signOff = rest.task(SES_LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    assertThat(rest.complete(SES_LEAD, signOff, Map.of("approved", true)).status()).isEqualTo(204);

    Map<String, Object> walkRound = Map.of("businessKey", cycle, "skipCustomListeners", true, "skipIoMappings", true,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "serviceTask_compilePack")));
    var started = rest.post("ses.coordinator", "/engine-rest/process-definition/key/quarterlyCycleProcess/start", walkRound);
    assertThat(started.status()).as(started.body()).isEqualTo(403);
    // nor by restarting an ended instance at a chosen activity
    String definition = rest.get("ses.coordinator", "/engine-rest/process-definition/key/quarterlyCycleProcess").json()
        .get("id").asText();
    Map<String, Object> restart = Map.of("processInstanceIds", List.of("any"), "skipCustomListeners", true,
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "serviceTask_compilePack")));
    assertThat(rest.post("ses.coordinator", "/engine-rest/process-definition/" + definition + "/restart", restart).status())
        .isEqualTo(403);
    assertThat(rest.post("ses.coordinator", "/engine-rest/process-definition/" + definition + "/restart-async", restart)
        .status()).isEqualTo(403);

    // an administrator may repair instances, but even they cannot compile a pack of 1 return in 11
    var byAdmin = rest.post("admin", "/engine-rest/process-definition/key/quarterlyCycleProcess/start", walkRound);
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    String instance = byAdmin.json().get("id").asText();
    // the compilation job fails, and will fail at each retry until it is an incident in Cockpit
    JsonNode failed = Rest.waitFor(() -> {
      JsonNode jobs = rest.get("admin", "/engine-rest/job?maxResults=10&processInstanceId=" + instance).json();
      return jobs.size() > 0 && !jobs.get(0).path("exceptionMessage").isNull() ? jobs.get(0) : null;
    }, "the refused compilation to fail");
    assertThat(failed.get("exceptionMessage").asText()).contains("is not the cycle's process");
    assertThat(jdbc.sql("select count(*) from pack_version where cycle_key = ?").param(cycle).query(Integer.class).single())
        .isZero();
    assertThat(cycleStatus(cycle)).isEqualTo("collecting");
    // and the leads' returns stay open
    String claires = rest.task("claire.maguire", cycle + "/employment").get("id").asText();
    assertThat(rest.complete("claire.maguire", claires, honestReturn("claire.maguire", claires)).status()).isEqualTo(204);
  }

  @Test
  void usersCannotEditOrDeleteTheirOwnRecord() {
    var renamed = rest.put(LEAD, "/engine-rest/user/" + LEAD + "/profile", Map.of("id", LEAD,
        "firstName", "<img src=x onerror=alert(1)>", "lastName", "Mullin", "email", "mike@outside.example.com"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(403);
    assertThat(rest.delete(SES_LEAD, "/engine-rest/user/" + SES_LEAD).status()).isEqualTo(403);

    JsonNode profile = rest.get("admin", "/engine-rest/user/" + LEAD + "/profile").json();
    assertThat(profile.get("firstName").asText()).isEqualTo("Mike");
    assertThat(profile.get("email").asText()).endsWith("@example.org");
    assertThat(rest.get("admin", "/engine-rest/user/" + SES_LEAD + "/profile").status()).isEqualTo(200);
  }

  @Test
  void passwordsFollowAPolicy() {
    String user = "heather.jago";
    var weak = rest.put(user, "/engine-rest/user/" + user + "/credentials",
        Map.of("password", "x", "authenticatedUserPassword", Rest.PASSWORD));
    assertThat(weak.status()).as(weak.body()).isEqualTo(400);
    assertThat(rest.getWithPassword(user, Rest.PASSWORD, "/engine-rest/task?maxResults=100")).isEqualTo(200);

    var strong = rest.put(user, "/engine-rest/user/" + user + "/credentials",
        Map.of("password", "Bootle-Strand-2031!", "authenticatedUserPassword", Rest.PASSWORD));
    assertThat(strong.status()).as(strong.body()).isEqualTo(204);
    assertThat(rest.getWithPassword(user, "Bootle-Strand-2031!", "/engine-rest/task?maxResults=100")).isEqualTo(200);
  }

  @Test
  void aVariableOfAnyJavaTypeIsRefused() {
    String cycle = start("2041-42 Q1");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    String evil = """
        {"type": "Object", "value": "\\"/etc/passwd\\"",
         "valueInfo": {"objectTypeName": "java.io.File", "serializationDataFormat": "application/json"}}""";
    String body = Rest.JSON.valueToTree(Rest.variables(honestReturn(task))).toString();
    body = body.substring(0, body.length() - 2) + ", \"evil\": " + evil + "}}";
    var completed = rest.postText(LEAD, "/engine-rest/task/" + task + "/complete", body);
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(completed.json().get("message").asText()).contains("evil: is not a variable of this process");
    assertThat(returnStatus(cycle)).isEqualTo("issued");
    assertThat(submissions(cycle)).isZero();

    // even where an administrator stores one, the engine will not build a File from it
    String instance = rest.get("admin", "/engine-rest/task/" + task).json().get("processInstanceId").asText();
    var stored = rest.postText("admin", "/engine-rest/process-instance/" + instance + "/variables",
        "{\"modifications\": {\"evil\": " + evil + "}}");
    assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    var read = rest.get("admin", "/engine-rest/process-instance/" + instance + "/variables/evil");
    assertThat(read.status()).isNotEqualTo(200);
    assertThat(read.body()).contains("java.io.File");
  }

  @Test
  void aJavaSerializedVariableIsABadRequest() {
    String cycle = start("2041-42 Q2");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    String body = Rest.JSON.valueToTree(Rest.variables(honestReturn(task))).toString();
    body = body.substring(0, body.length() - 2) + """
        , "x": {"type": "Object", "value": "rO0ABXQAA2FiYw==",
          "valueInfo": {"objectTypeName": "java.lang.String",
                        "serializationDataFormat": "application/x-java-serialized-object"}}}}""";
    var completed = rest.postText(LEAD, "/engine-rest/task/" + task + "/complete", body);
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(completed.json().get("message").asText()).contains("serialization");
    assertThat(returnStatus(cycle)).isEqualTo("issued");
  }

  @Test
  void queriesHaveAResultLimit() {
    var unbounded = rest.get(LEAD, "/engine-rest/task?maxResults=2147483647");
    assertThat(unbounded.status()).as(unbounded.body()).isEqualTo(400);
    assertThat(rest.get(LEAD, "/engine-rest/task?maxResults=50").status()).isEqualTo(200);
  }

  @Test
  void aHugeVariableIsRefusedBeforeItIsRead() {
    String cycle = start("2041-42 Q3");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    String huge = "\"" + "x".repeat(19 * 1024 * 1024) + "\"";
    String body = "{\"variables\": {\"commentary\": {\"type\": \"Json\", \"value\": "
        + Rest.JSON.getNodeFactory().textNode(huge) + "}}}";
    // the answer comes from the request's headers alone: the server does not wait for the body
    assertThat(rest.statusOfHeadersOnly(LEAD, "POST", "/engine-rest/task/" + task + "/complete",
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)).isEqualTo(413);
    assertThat(returnStatus(cycle)).isEqualTo("issued");
    assertThat(rest.get(LEAD, "/engine-rest/task/" + task).status()).isEqualTo(200);
  }

  @Test
  void engineInternalsAreForAdministratorsOnly() {
    for (String path : List.of("/engine-rest/metrics?maxResults=10", "/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/job?maxResults=10", "/engine-rest/job-definition?maxResults=10",
        "/engine-rest/history/job-log?maxResults=10", "/engine-rest/job/count",
        "/engine-rest/engine/default/job?maxResults=10")) {
      for (String user : List.of(LEAD, SES_LEAD, "ses.coordinator", "board.member")) {
        assertThat(rest.get(user, path).status()).as(user + " " + path).isEqualTo(403);
      }
      assertThat(rest.get("admin", path).status()).as("admin " + path).isEqualTo(200);
    }
  }

  /**
   * The webapps' plugins serve data of their own beside the engine's API: the Admin webapp's
   * metrics, Cockpit's statistics. Each is for those who may use its webapp, whoever asks and in
   * whichever spelling; their scripts and styles, which the login pages load, are for everyone.
   */
  @Test
  void theWebappsPluginDataIsForThoseWhoMayUseTheirWebapp() {
    start("2042-43 Q3");
    String metrics = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
        + "?subscriptionStartDate=2026-01-01T00:00:00.000%2B0000&groupBy=month&metrics=process-instances";
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50";
    Map<String, WebappSession> sessions = new LinkedHashMap<>();
    for (String user : List.of(LEAD, SES_LEAD, "ses.coordinator", "board.member")) {
      WebappSession session = WebappSession.login(port, user, Rest.PASSWORD, "welcome");
      assertThat(session.loginStatus).as(user).isEqualTo(200);
      sessions.put(user, session);
    }
    sessions.put("nobody", WebappSession.anonymous(port));
    WebappSession admin = WebappSession.login(port, "admin", Rest.PASSWORD, "admin");
    assertThat(admin.loginStatus).isEqualTo(200);
    assertThat(admin.get(metrics).status()).isEqualTo(200);
    assertThat(sessions.get("ses.coordinator").get(statistics).body()).contains("quarterlyCycleProcess");

    for (String path : List.of(metrics, statistics)) {
      for (String spelt : pluginSpellings(path)) {
        sessions.forEach((user, session) -> {
          boolean mayUseCockpit = user.equals("ses.coordinator") && path.equals(statistics);
          var answer = session.get(spelt);
          if (mayUseCockpit) {
            assertThat(answer.status()).as(user + " " + spelt).isIn(200, 404);
          } else {
            assertThat(answer.status()).as(user + " " + spelt + ": " + answer.body()).isIn(401, 403, 404);
            assertThat(answer.body()).as(user + " " + spelt).doesNotContain("quarterlyCycleProcess").doesNotContain("\"sum\"");
          }
        });
      }
    }
    // the plugins' scripts, which the login pages load before anyone has logged in
    for (String app : List.of("admin/plugin/adminPlugins", "cockpit/plugin/cockpitPlugins", "tasklist/plugin/tasklistPlugins")) {
      var script = WebappSession.anonymous(port).get("/camunda/api/" + app + "/static/app/plugin.js");
      assertThat(script.status()).as(app).isEqualTo(200);
    }
  }

  /** The plugin path as written, with a trailing slash, a doubled slash, a {@code ;} parameter and an encoded letter. */
  private static List<String> pluginSpellings(String pathAndQuery) {
    int query = pathAndQuery.indexOf('?');
    String path = pathAndQuery.substring(0, query);
    String rest = pathAndQuery.substring(query);
    int last = path.lastIndexOf('/');
    return List.of(path + rest, path + "/" + rest, path.substring(0, last) + "/" + path.substring(last) + rest,
        path.replaceFirst("/plugin/", "/plugin;x=1/") + rest, path.replaceFirst("/plugin/", "/%70lugin/") + rest);
  }

  @Test
  void leadsSeeNothingInCockpit() {
    start("2041-42 Q4");
    for (String user : List.of(LEAD, SES_LEAD)) {
      WebappSession session = WebappSession.login(port, user, Rest.PASSWORD, "tasklist");
      assertThat(session.loginStatus).isEqualTo(200);
      assertThat(session.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
      var statistics = session.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
          + "?firstResult=0&maxResults=50");
      assertThat(statistics.status()).as(user + ": " + statistics.body()).isEqualTo(403);
      assertThat(session.get("/camunda/api/engine/engine/default/process-definition/statistics").status())
          .isEqualTo(403);
      assertThat(WebappSession.login(port, user, Rest.PASSWORD, "cockpit").loginStatus).isEqualTo(403);
    }
    WebappSession coordinator = WebappSession.login(port, "ses.coordinator", Rest.PASSWORD, "cockpit");
    assertThat(coordinator.loginStatus).isEqualTo(200);
    assertThat(coordinator.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
        + "?firstResult=0&maxResults=50").status()).isEqualTo(200);
  }

  @Test
  void everythingServedCarriesSecurityHeaders() {
    String cycle = start("2042-43 Q1");
    for (String path : List.of("/api/cycles", "/api/cycles/" + cycle, "/api/cycles/" + cycle + "/pack",
        "/api/cycles/" + cycle + "/pack.pdf", "/api/packs", "/packs/", "/engine-rest/task?maxResults=100",
        "/camunda/app/tasklist/default/")) {
      var response = rest.exchange("ses.coordinator", path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
      assertThat(response.headers().firstValue("X-Frame-Options").or(
          () -> response.headers().firstValue("Content-Security-Policy").filter(csp -> csp.contains("frame-ancestors"))))
          .as(path).isPresent();
    }
    var pack = rest.exchange("ses.coordinator", "/api/cycles/" + cycle + "/pack");
    assertThat(pack.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'")
        .contains("frame-ancestors 'self'");
    // the Board packs page runs its own script, nothing from elsewhere, and is framed by no one
    var page = rest.exchange(null, "/packs/");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
  }

  @Test
  void noQueryCarriesAnExpression() {
    // CVE-2026-109432: the engine checks a task query's own fields for expressions, not its orQueries
    String runtime = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/ses-pwned')}";
    var hidden = rest.post(LEAD, "/engine-rest/task?maxResults=10", Map.of("orQueries", List.of(Map.of("dueAfterExpression", runtime))));
    assertThat(hidden.status()).as(hidden.body()).isEqualTo(400);
    assertThat(hidden.json().get("message").asText()).contains("may not carry an expression");
    var inFilter = rest.post(LEAD, "/engine-rest/filter/any/list?maxResults=10", Map.of("orQueries",
        List.of(Map.of("assigneeExpression", "#{1+1}"))));
    assertThat(inFilter.status()).isEqualTo(400);
    assertThat(rest.get(LEAD, "/engine-rest/task?maxResults=10&dueAfterExpression=%24%7Bnow()%7D").status()).isEqualTo(400);
    assertThat(new java.io.File("/tmp/ses-pwned")).doesNotExist();
    // a query without one is answered
    assertThat(rest.post(LEAD, "/engine-rest/task?maxResults=10", Map.of("assignee", LEAD)).status()).isEqualTo(200);
  }

  @Test
  void nobodyCreatesAnAdministratorThroughTheFirstRunSetup() {
    // CVE-2026-77226: the Admin webapp's setup creates an administrator when it believes there is none
    var created = rest.post(null, "/camunda/api/admin/setup/default/user/create",
        Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@example.com"),
            "credentials", Map.of("password", "Intruder-Pass-1")));
    assertThat(created.status()).isEqualTo(403);
    assertThat(rest.get("admin", "/engine-rest/user/intruder/profile").status()).isEqualTo(404);
  }

  @Test
  void tasklistsOwnApiIsHeldToTheSameRules() {
    // Tasklist's copy of the engine API, with a session and its XSRF token, as the browser calls it
    String cycle = start("2042-43 Q2");
    String task = rest.task(LEAD, cycle + "/" + OBJECTIVE).get("id").asText();
    WebappSession tasklist = WebappSession.login(port, LEAD, Rest.PASSWORD, "tasklist");
    assertThat(tasklist.loginStatus).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default";

    assertThat(tasklist.post(api + "/task/" + task + "/assignee", "{\"userId\": \"claire.maguire\"}").status()).isEqualTo(403);
    Map<String, Object> withRoute = new LinkedHashMap<>(honestReturn(task));
    withRoute.put("sesLead", LEAD);
    var completed = tasklist.post(api + "/task/" + task + "/submit-form", Rest.JSON.valueToTree(Rest.variables(withRoute)).toString());
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(completed.body()).contains("sesLead");
    // a lead may not see the cycle's definition at all (404); whoever may is refused the start part-way round (403)
    assertThat(tasklist.post(api + "/process-definition/key/quarterlyCycleProcess/start",
        "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"serviceTask_compilePack\"}]}")
        .status()).isIn(403, 404);
    assertThat(tasklist.get(api + "/metrics/activity-instance-start/sum").status()).isEqualTo(403);
    assertThat(returnStatus(cycle)).isEqualTo("issued");
    assertThat(rest.get(LEAD, "/engine-rest/task/" + task).json().get("assignee").asText()).isEqualTo(LEAD);

    // and the honest submission through it is accepted
    var honest = tasklist.post(api + "/task/" + task + "/submit-form", Rest.JSON.valueToTree(Rest.variables(honestReturn(task))).toString());
    assertThat(honest.status()).as(honest.body()).isEqualTo(204);
    assertThat(returnStatus(cycle)).isEqualTo("submitted");
  }

  @Test
  void noOneEndsTheCollectionWithAMessageWhileReturnsAreOpen() {
    String cycle = start("2051-52 Q1");
    rest.task(LEAD, cycle + "/" + OBJECTIVE);
    String waiting = "/engine-rest/execution?maxResults=10&businessKey=" + cycle + "&activityId=receiveTask_awaitReturns";
    Rest.waitFor(() -> rest.get("admin", waiting).json().size() == 1 ? true : null, "the cycle waiting for its returns");
    Map<String, Object> message = Map.of("messageName", "returnsSignedOff", "businessKey", cycle);

    // a lead, a coordinator and even an administrator: refused while a return is open
    for (String user : List.of(LEAD, "ses.coordinator", "admin")) {
      var sent = rest.post(user, "/engine-rest/message", message);
      assertThat(sent.status()).as(user + ": " + sent.body()).isIn(400, 403);
      assertThat(sent.body()).as(user).doesNotContainIgnoringCase("exception in");
    }
    var byAdmin = rest.post("admin", "/engine-rest/message", message);
    assertThat(byAdmin.json().get("message").asText()).contains("still waits for 11 return(s) to be signed off");
    assertThat(rest.get("admin", waiting).json().size()).as("the cycle still waits").isOne();
  }

  @Test
  void noOneButTheCycleStartsAReturn() {
    // returns are instances of their own, started by the cycle: a second one by hand would give a
    // lead a second task for the same return, or a return to a cycle that is not collecting
    String cycle = start("2051-52 Q2");
    rest.task(LEAD, cycle + "/" + OBJECTIVE);
    for (String user : List.of(LEAD, SES_LEAD, "ses.coordinator")) {
      var started = rest.post(user, "/engine-rest/process-definition/key/objectiveReturnProcess/start",
          Map.of("businessKey", cycle + "/" + OBJECTIVE));
      assertThat(started.status()).as(user + ": " + started.body()).isEqualTo(403);
    }
    assertThat(rest.get("admin", "/engine-rest/process-instance/count?businessKey=" + cycle + "%2F" + OBJECTIVE)
        .json().get("count").asInt()).as("one instance of the return").isOne();
  }

  // --- helpers

  private String start(String period) {
    // due two weeks after the quarter ends, the board two weeks later: within the quarter's window
    var quarterEnd = org.sesreturns.catalogue.Period.parse(period).firstMonth(java.time.Month.APRIL).plusMonths(2).atEndOfMonth();
    var started = rest.startCycle("ses.coordinator", period, quarterEnd.plusDays(15).toString(),
        quarterEnd.plusDays(32).toString());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return period.replace(' ', '-');
  }

  private Map<String, Object> honestReturn(String taskId) {
    return honestReturn(LEAD, taskId);
  }

  private Map<String, Object> honestReturn(String lead, String taskId) {
    JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, taskId), "kpis"));
    return Map.of("overallStatus", "amber",
        "commentary", Rest.JSON.getNodeFactory().textNode("Enquiries are up.\nTwo investors are close to deciding."),
        "kpis", rows);
  }

  private String returnStatus(String cycle) {
    return jdbc.sql("select status from objective_return where cycle_key = ? and objective_id = ?")
        .params(cycle, OBJECTIVE).query(String.class).single();
  }

  private int submissions(String cycle) {
    return jdbc.sql("""
        select count(*) from return_submission s join objective_return r on r.id = s.return_id
        where r.cycle_key = ? and r.objective_id = ?""").params(cycle, OBJECTIVE).query(Integer.class).single();
  }

  private String cycleStatus(String cycle) {
    return jdbc.sql("select status from cycle where cycle_key = ?").param(cycle).query(String.class).single();
  }

  private String cycleView(String cycle) {
    return rest.get("ses.coordinator", "/api/cycles/" + cycle).body();
  }

  /**
   * The login page's "who is logged in?" is answered 204 while nobody is (Camunda's 404 was logged
   * at every login), tells nothing more, and a logged-in user's goes on to Camunda as before.
   */
  @Test
  void whoIsLoggedInIsAnsweredWithoutA404AndTellsAStrangerNothing() {
    WebappSession stranger = WebappSession.anonymous(port);
    Rest.Response nobody = stranger.get("/camunda/api/admin/auth/user/default");
    assertThat(nobody.status()).isEqualTo(204);
    assertThat(nobody.body()).isEmpty();
    // another engine's name is answered the same: nobody is logged in to it either
    assertThat(stranger.get("/camunda/api/admin/auth/user/another").status()).isEqualTo(204);
    // anything else under the path, and other methods, are Camunda's as before: no login without a password
    assertThat(stranger.post("/camunda/api/admin/auth/user/default/login/tasklist", "{}").status()).isNotIn(200, 204);

    WebappSession lead = WebappSession.login(port, "claire.maguire", Rest.PASSWORD, "tasklist");
    assertThat(lead.loginStatus).isEqualTo(200);
    Rest.Response me = lead.get("/camunda/api/admin/auth/user/default");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"claire.maguire\"");
  }
}
