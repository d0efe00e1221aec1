package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role against every action the application uses or the engine offers them over REST, in
 * the order a quarter runs: allowed where the cycle needs it, refused everywhere else, and each
 * refusal leaves nothing stored (the application's tables, the engine's variables, tasks, links,
 * deployments and users are compared before and after).
 *
 * <p>The made-up strategy: Pat completes jobs and skills (Sam signs it off) and signs off
 * riverside places (Lou completes it); Pat is the person in both roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ses.catalogue=classpath:catalogue/made-up.yaml",
    "ses.history=",
    "SES_DB_NAME=ses_alt"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RightsMatrixIT {

  private static final String ANONYMOUS = "anonymous";
  private static final String LEAD = "project lead";
  private static final String SES_LEAD = "SES lead";
  private static final String BOTH = "lead in both roles";
  private static final String COORDINATOR = "coordinator";
  private static final String BOARD = "board member";
  private static final String ADMIN = "administrator";

  /** Each role and the user who plays it. */
  private static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put(ANONYMOUS, null);
    USERS.put(LEAD, "lou.lead");
    USERS.put(SES_LEAD, "sam.ses");
    USERS.put(BOTH, "pat.tworoles");
    USERS.put(BOARD, "riverside.board");
    USERS.put(ADMIN, "admin");
    USERS.put(COORDINATOR, "riverside.coordinator");
  }

  /**
   * The quarter under way (riverside's year starts in January), so its pack can be presented at a
   * meeting held today: a meeting is held after its quarter has begun and not in the future.
   */
  private static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
  private static final String PERIOD = "%d-%02d Q%d".formatted(TODAY.getYear(), (TODAY.getYear() + 1) % 100,
      (TODAY.getMonthValue() - 1) / 3 + 1);
  private static final String CYCLE = PERIOD.replace(' ', '-');
  private static final String JOBS = CYCLE + "/jobs-and-skills";
  private static final String RIVERSIDE = CYCLE + "/riverside-places";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  private Rest plain;
  /** The client the actions call through: {@link #plain}, or the same in another spelling while refusals are tried. */
  private Rest rest;
  private final List<String> matrix = new ArrayList<>();

  @BeforeAll
  void openCycle() {
    plain = new Rest(port);
    rest = plain;
    assertThat(rest.startCycle("riverside.coordinator", PERIOD, TODAY.plusDays(60).toString(),
        TODAY.plusDays(80).toString()).status()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void startingCycles() {
    check("start a cycle", Set.of(COORDINATOR),
        user -> rest.startCycle(user, "2029-30 Q2", "2029-10-10", "2029-10-30").status());
    check("start a cycle at a chosen activity", Set.of(), user -> rest.post(user,
        "/engine-rest/process-definition/key/quarterlyCycleProcess/start", Map.of("businessKey", CYCLE,
            "variables", Map.of("period", Map.of("value", "2029-30 Q3")),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "serviceTask_openCycle")))).status());
  }

  @Test
  @Order(2)
  void readingWhatTheCycleShows() {
    check("read cycles", Set.of(COORDINATOR, BOARD, ADMIN), user -> rest.get(user, "/api/cycles/" + CYCLE).status());
    check("read the pack", Set.of(COORDINATOR, SES_LEAD, BOTH, BOARD), user -> rest.get(user, "/api/cycles/" + CYCLE + "/pack").status());
    check("download the pack (PDF, Word, Excel)", Set.of(COORDINATOR, SES_LEAD, BOTH, BOARD),
        user -> rest.download(user, "/api/cycles/" + CYCLE + "/pack.pdf").statusCode());
    check("list the board packs", Set.of(COORDINATOR, SES_LEAD, BOTH, BOARD), user -> rest.get(user, "/api/packs").status());
    check("read the audit", Set.of(COORDINATOR), user -> rest.get(user, "/api/cycles/" + CYCLE + "/audit").status());
    check("read the cycle's history", Set.of(COORDINATOR, ADMIN), user -> nonEmpty(rest.get(user,
        "/engine-rest/history/process-instance?maxResults=10&processInstanceBusinessKey=" + CYCLE)));
    check("read a user's profile (their own; a coordinator or an administrator, anyone's)", Set.of(LEAD, COORDINATOR, ADMIN),
        user -> rest.get(user, "/engine-rest/user/lou.lead/profile").status());
    check("read metrics", Set.of(ADMIN), user -> rest.get(user, "/engine-rest/metrics/activity-instance-start/sum").status());
    check("read jobs", Set.of(ADMIN), user -> rest.get(user, "/engine-rest/job?maxResults=10").status());
    check("read job logs", Set.of(ADMIN), user -> rest.get(user, "/engine-rest/history/job-log?maxResults=10").status());
  }

  @Test
  @Order(3)
  void changingPeopleAndModels() {
    check("change a user's name and e-mail", Set.of(ADMIN), user -> rest.put(user, "/engine-rest/user/lou.lead/profile",
        Map.of("id", "lou.lead", "firstName", "Lou", "lastName", "Lead", "email", "lou@example.org")).status());
    check("change their own name and e-mail", Set.of(ADMIN), user -> rest.put(user,
        "/engine-rest/user/" + (user == null ? "lou.lead" : user) + "/profile",
        Map.of("id", user == null ? "lou.lead" : user, "firstName", "Someone", "lastName", "Else", "email", "x@outside.example.com"))
        .status());
    check("delete a user (themselves; an administrator, anyone)", Set.of(ADMIN), user -> {
      if ("admin".equals(user)) {
        rest.post(user, "/engine-rest/user/create", Map.of("profile", Map.of("id", "probe.user", "firstName", "Probe",
            "lastName", "User", "email", "probe@example.org"), "credentials", Map.of("password", "Probe-User-2029")));
        return rest.delete(user, "/engine-rest/user/probe.user").status();
      }
      return rest.delete(user, "/engine-rest/user/" + (user == null ? "lou.lead" : user)).status();
    });
    check("deploy a model", Set.of(ADMIN), this::deploy);
  }

  @Test
  @Order(4)
  void workingOnTheLeadsReturn() {
    String task = rest.task("pat.tworoles", JOBS).get("id").asText();
    check("read the return task", Set.of(BOTH, COORDINATOR, ADMIN), user -> rest.get(user, "/engine-rest/task/" + task).status());
    check("write a routing variable on the return task", Set.of(ADMIN), user -> {
      int status = rest.put(user, "/engine-rest/task/" + task + "/variables/sesLead", Map.of("value", user == null ? "x" : user)).status();
      if (status == 204) {
        // an administrator may write any variable (to repair an instance); it routes nothing, and the
        // return would refuse to complete while it is there
        assertThat(rest.delete("admin", "/engine-rest/task/" + task + "/variables/sesLead").status()).isEqualTo(204);
      }
      return status;
    });
    check("give the return task to someone", Set.of(COORDINATOR, ADMIN), user -> rest.post(user,
        "/engine-rest/task/" + task + "/assignee", Map.of("userId", user != null && !user.equals("admin")
            && !user.equals("riverside.coordinator") ? user : "pat.tworoles")).status());
    check("add candidates to the return task", Set.of(COORDINATOR, ADMIN), user -> {
      int status = rest.post(user, "/engine-rest/task/" + task + "/identity-links",
          Map.of("groupId", "ses-project-leads", "type", "candidate")).status();
      if (status == 204) {
        rest.post("admin", "/engine-rest/task/" + task + "/identity-links/delete",
            Map.of("groupId", "ses-project-leads", "type", "candidate"));
      }
      return status;
    });
    JsonNode asIs = rest.get("admin", "/engine-rest/task/" + task).json();
    // the engine lets whoever may reassign a task (TASK_ASSIGN) save its other fields too: a name
    // changes nothing the application relies on (it reads the return's record, not the task)
    check("rename the return task", Set.of(COORDINATOR, ADMIN), user -> {
      ObjectNode changed = taskFields(asIs);
      if (!"admin".equals(user) && !"riverside.coordinator".equals(user)) {
        changed.put("name", "Anything");
      }
      return rest.put(user, "/engine-rest/task/" + task, changed).status();
    });
    // a return's deadlines are the application's: nobody moves them in the task, an administrator neither
    check("move the return task's due date", Set.of(), user -> {
      ObjectNode changed = taskFields(asIs);
      changed.put("due", "2099-01-15T17:00:00.000+0000");
      return rest.put(user, "/engine-rest/task/" + task, changed).status();
    });
    check("set the return task's follow-up date", Set.of(), user -> {
      ObjectNode changed = taskFields(asIs);
      changed.put("followUp", "2099-01-10T09:00:00.000+0000");
      return rest.put(user, "/engine-rest/task/" + task, changed).status();
    });
    check("chase the return's lead", Set.of(COORDINATOR),
        user -> rest.post(user, "/api/cycles/" + CYCLE + "/returns/jobs-and-skills/chase", Map.of()).status());
    // the chaser is sent before the lead opens the form again
    settle();
    String draft = "/api/cycles/" + CYCLE + "/returns/jobs-and-skills/draft";
    check("save a draft of the return", Set.of(BOTH), user -> rest.put(user, draft,
        Map.of("overallStatus", "amber", "commentary", "Half done: " + user)).status());
    check("read the draft of the return", Set.of(BOTH), user -> rest.get(user, draft).status());
    Map<String, Object> entry = entry(task, "pat.tworoles");
    check("complete the return", Set.of(BOTH), user -> rest.complete(user, task, entry).status());

    String riverside = rest.task("lou.lead", RIVERSIDE).get("id").asText();
    check("complete the other return", Set.of(LEAD), user -> rest.complete(user, riverside, entry(riverside, "lou.lead")).status());
  }

  @Test
  @Order(5)
  void signingOff() {
    String jobs = rest.task("sam.ses", JOBS).get("id").asText();
    check("sign off a return", Set.of(SES_LEAD), user -> rest.complete(user, jobs, Map.of("approved", true)).status());
    String riverside = rest.task("pat.tworoles", RIVERSIDE).get("id").asText();
    check("sign off the return the lead in both roles signs off", Set.of(BOTH),
        user -> rest.complete(user, riverside, Map.of("approved", true)).status());
  }

  @Test
  @Order(6)
  void reviewingAndPresenting() {
    String review = Rest.waitFor(() -> {
      JsonNode tasks = rest.get("riverside.coordinator", "/engine-rest/task?maxResults=10&taskDefinitionKey=userTask_reviewPack"
          + "&processInstanceBusinessKey=" + CYCLE).json();
      return tasks.size() > 0 ? tasks.get(0).get("id").asText() : null;
    }, "the pack review");
    check("review the pack", Set.of(COORDINATOR), user -> rest.complete(user, review, Map.of("packApproved", true)).status());
    String present = rest.task("riverside.coordinator", CYCLE, "userTask_presentPack").get("id").asText();
    check("present the pack", Set.of(COORDINATOR), user -> rest.complete(user, present,
        Map.of("boardMeetingHeld", TODAY.toString(), "boardDecisions", "Noted")).status());
    assertThat(rest.get("riverside.coordinator", "/api/cycles/" + CYCLE).json().get("status").asText()).isEqualTo("closed");
  }

  @Test
  @Order(7)
  void changingInstances() {
    String instance = rest.get("admin", "/engine-rest/process-instance?maxResults=1&businessKey=2029-30-Q2").json()
        .get(0).get("id").asText();
    check("modify an instance", Set.of(ADMIN), user -> rest.post(user, "/engine-rest/process-instance/" + instance
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "gateway_collectReturns")))).status());
    check("delete an instance", Set.of(ADMIN), user -> rest.delete(user, "/engine-rest/process-instance/" + instance).status());
    System.out.println(String.join("\n", matrix));
  }

  // --- the matrix

  /** What Tasklist sends to save a task: its fields as they are. */
  private static ObjectNode taskFields(JsonNode task) {
    ObjectNode fields = Rest.JSON.createObjectNode();
    for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState", "due",
        "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
      fields.set(field, task.get(field));
    }
    return fields;
  }

  /**
   * Tries the action as every role, refused ones first: a refused role gets 401 (anonymous), 403,
   * 404 or 400 and changes nothing; each allowed role succeeds.
   */

  private void check(String action, Set<String> allowed, Function<String, Integer> call) {
    List<String> roles = new ArrayList<>(USERS.keySet().stream().filter(r -> !allowed.contains(r)).toList());
    roles.addAll(USERS.keySet().stream().filter(allowed::contains).toList());
    for (String role : roles) {
      String user = USERS.get(role);
      String before = fingerprint();
      int status = call.apply(user);
      if (allowed.contains(role)) {
        assertThat(status).as(action + " as " + role).isBetween(200, 299);
        matrix.add(action + " | " + role + " | allowed " + status);
      } else {
        assertThat(status).as(action + " as " + role).isIn(role.equals(ANONYMOUS) ? List.of(401) : List.of(400, 403, 404));
        assertThat(fingerprint()).as(action + " as " + role + " stores nothing").isEqualTo(before);
        matrix.add(action + " | " + role + " | refused " + status + refusedInEverySpelling(action, role, call));
      }
    }
  }

  /**
   * The refused action tried again in every other spelling of the same request (a trailing or
   * doubled slash, a path parameter, percent-encoding, capitals, dot segments, the named engine,
   * the webapps' alias with the user's webapp session): refused each time, nothing stored. A
   * spelling JAX-RS does not dispatch at all is answered 404 (or Tomcat's 400) for everyone.
   */
  private String refusedInEverySpelling(String action, String role, Function<String, Integer> call) {
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    try {
      for (Rest.Spelling spelling : Rest.Spelling.all().subList(1, Rest.Spelling.all().size())) {
        rest = plain.spelt(spelling);
        String before = fingerprint();
        int status = call.apply(USERS.get(role));
        assertThat(status).as(action + " as " + role + ", spelt with " + spelling)
            .isIn(role.equals(ANONYMOUS) && !spelling.webappSession() ? List.of(400, 401, 404) : List.of(400, 401, 403, 404, 405));
        assertThat(fingerprint()).as(action + " as " + role + ", spelt with " + spelling + ", stores nothing")
            .isEqualTo(before);
        statuses.merge(status, 1, Integer::sum);
      }
    } finally {
      rest = plain;
    }
    return " (other spellings: " + statuses + ")";
  }

  /** Everything a refused action could have changed, once the engine's own work has settled. */
  private String fingerprint() {
    settle();
    List<String> parts = new ArrayList<>();
    for (String sql : List.of(
        "select cycle_key || status || process_instance_id from cycle order by cycle_key",
        "select cycle_key || objective_id || status || project_lead || ses_lead from objective_return order by id",
        "select cast(count(*) as varchar(20)) from return_submission",
        "select cast(count(*) as varchar(20)) from return_event",
        "select cast(count(*) as varchar(20)) from pack_version",
        "select cast(count(*) as varchar(20)) from message",
        "select name_ || coalesce(text_, '') from act_ru_variable order by id_",
        "select id_ || name_ || coalesce(assignee_, '') || coalesce(cast(due_date_ as varchar(40)), '')"
            + " || coalesce(cast(follow_up_date_ as varchar(40)), '') from act_ru_task order by id_",
        "select coalesce(group_id_, '') || coalesce(user_id_, '') || type_ from act_ru_identitylink order by id_",
        "select cast(count(*) as varchar(20)) from act_re_deployment",
        "select cast(count(*) as varchar(20)) from act_ru_execution",
        "select id_ || coalesce(first_, '') || coalesce(last_, '') || coalesce(email_, '') from act_id_user order by id_")) {
      parts.add(String.join(",", jdbc.sql(sql).query(String.class).list()));
    }
    return String.join("\n", parts);
  }

  /** Waits until the engine has run every job due now: its message steps and the timers of the ladder that are due. */
  private void settle() {
    Rest.waitFor(() -> jdbc.sql("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)")
        .param(Timestamp.from(Instant.now())).query(Integer.class).single() == 0 ? true : null, "the engine's due jobs to run");
  }

  private static int nonEmpty(Rest.Response response) {
    return response.status() == 200 && response.json().size() > 0 ? 200 : response.status() == 200 ? 404 : response.status();
  }

  private Map<String, Object> entry(String task, String lead) {
    JsonNode rows = Rest.filledIn(Rest.jsonValue(plain.formVariables(lead, task), "kpis"));
    return Map.of("overallStatus", "green", "commentary", "On plan; nothing to add.", "kpis", rows);
  }

  /** A model deployed as Camunda Modeler deploys it: a multipart form with the file. */
  private int deploy(String user) {
    String boundary = "ses-boundary";
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="probe"><process id="probeProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
        <startEvent id="start"/></process></definitions>""";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
    var request = HttpRequest.newBuilder(URI.create(rest.url("/engine-rest/deployment/create")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + Rest.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
