package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No expression a user writes in a query is evaluated, whoever sends it and however it is spelt:
 * proved by what the expression would do (create a file on the server), not by the status code.
 * Every query the engine evaluates expressions in (the task query and its count, by parameters or
 * by JSON body, top level and {@code orQueries}; a filter's extending query; a stored filter), as
 * every role, administrators included, through the REST API, its named engine and the webapps'
 * alias; and the engine's own Java API, which stands behind the REST API's refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryExpressionIT {

  private static final List<String> USERS = List.of("mike.mullin", "stuart.barnes", "ses.coordinator", "board.chair", "admin");
  private static final List<String> FIELDS = List.of("dueAfterExpression", "assigneeExpression", "candidateUserExpression",
      "candidateGroupExpression", "followUpBeforeExpression", "processInstanceBusinessKeyExpression");

  @LocalServerPort
  int port;

  @Autowired
  TaskService tasks;

  @Autowired
  FilterService filters;

  @Autowired
  IdentityService identity;

  private Rest rest;
  private Path proofs;
  private final AtomicInteger attempts = new AtomicInteger();

  @BeforeAll
  void setUp() throws IOException {
    rest = new Rest(port);
    proofs = Files.createTempDirectory("ses-expression-proofs");
  }

  @AfterAll
  void cleanUp() throws IOException {
    try (var files = Files.list(proofs)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(proofs);
  }

  /** An expression that, evaluated, creates a file of its own in {@link #proofs}: the side effect looked for. */
  private String expression() {
    Path proof = proofs.resolve("proof-" + attempts.incrementAndGet());
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + proof + "')}";
  }

  @Test
  void theExpressionWouldRunIfEvaluated() throws Exception {
    // the proof that the side effect is real: the same expression, evaluated by JUEL on its own
    // (as the engine did before), creates its file
    Path proof = proofs.resolve("control");
    String text = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + proof + "')}";
    var factory = new org.camunda.bpm.impl.juel.ExpressionFactoryImpl();
    var context = new org.camunda.bpm.impl.juel.SimpleContext();
    ((Process) factory.createValueExpression(context, text, Object.class).getValue(context)).waitFor();
    assertThat(proof).exists();
    Files.delete(proof);
  }

  @Test
  void noQueryOverRestEvaluatesAnExpression() throws Exception {
    List<String> answers = new ArrayList<>();
    for (Rest.Spelling spelling : Rest.Spelling.all()) {
      if (!List.of("as documented", "trailing slash", "path parameter", "named engine", "named engine, trailing slash",
          "the webapps' alias", "the webapps' alias, trailing slash").contains(spelling.name())) {
        continue; // the spellings JAX-RS dispatches to the same resource; the others never reach it
      }
      Rest client = rest.spelt(spelling);
      for (String user : USERS) {
        String filter = anyFilterOf(user);
        for (String field : FIELDS) {
          answers.add(answer(client.post(user, "/engine-rest/task?maxResults=5", Map.of(field, expression()))));
          answers.add(answer(client.post(user, "/engine-rest/task?maxResults=5",
              Map.of("orQueries", List.of(Map.of(field, expression()))))));
          answers.add(answer(client.post(user, "/engine-rest/task/count", Map.of("orQueries", List.of(Map.of(field, expression()))))));
          answers.add(answer(client.get(user, "/engine-rest/task?maxResults=5&" + field + "=" + encoded(expression()))));
          answers.add(answer(client.get(user, "/engine-rest/task/count?" + field + "=" + encoded(expression()))));
          for (String result : List.of("list", "count", "singleResult")) {
            answers.add(answer(client.post(user, "/engine-rest/filter/" + filter + "/" + result,
                Map.of("orQueries", List.of(Map.of(field, expression()))))));
          }
        }
        // a filter stored with an expression, which would then run for whoever reads it
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("resourceType", "Task");
        stored.put("name", "Probe");
        stored.put("query", Map.of("orQueries", List.of(Map.of("assigneeExpression", expression()))));
        answers.add(answer(client.post(user, "/engine-rest/filter/create", stored)));
      }
    }
    assertThat(answers).as("every answer").allMatch(a -> a.startsWith("400") || a.startsWith("403") || a.startsWith("404"));
    assertNothingRan();
  }

  @Test
  void theEngineEvaluatesNoExpressionInAQueryWhateverCallsIt() throws Exception {
    // past the REST API: the engine's own Java API, as an administrator and as nobody
    identity.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> tasks.createTaskQuery().or().dueAfterExpression(expression()).endOr().listPage(0, 5))
          .hasStackTraceContaining("not evaluated");
      // the engine's own check refuses one at the top level of an ad hoc query
      assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression(expression()).count())
          .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
      // a filter stored with one (the REST API refuses to store it; the Java API does not)
      var filter = filters.newTaskFilter("Probe").setQuery(tasks.createTaskQuery().taskAssigneeExpression(expression()));
      filters.saveFilter(filter);
      try {
        assertThatThrownBy(() -> filters.listPage(filter.getId(), 0, 5)).hasStackTraceContaining("not evaluated");
        assertThatThrownBy(() -> filters.count(filter.getId())).hasStackTraceContaining("not evaluated");
      } finally {
        filters.deleteFilter(filter.getId());
      }
      // the application's own filters keep ${currentUser()} and ${now()}
      for (var own : filters.createFilterQuery().listPage(0, 50)) {
        assertThat(filters.count(own.getId())).as(own.getName()).isNotNegative();
      }
    } finally {
      identity.clearAuthentication();
    }
    assertThatThrownBy(() -> tasks.createTaskQuery().or().taskCandidateGroupExpression(expression()).endOr().count())
        .hasStackTraceContaining("not evaluated");
    assertNothingRan();
  }

  @Test
  void tasklistStillListsTheLeadsTasksThroughItsFilter() {
    // the filter with ${currentUser()} that Tasklist opens answers as before
    String filter = anyFilterOf("mike.mullin");
    var listed = rest.post("mike.mullin", "/engine-rest/filter/" + filter + "/list?maxResults=5", Map.of());
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
  }

  private String anyFilterOf(String user) {
    var found = rest.get(user, "/engine-rest/filter?resourceType=Task&maxResults=10");
    return found.status() == 200 && found.json().size() > 0 ? found.json().get(0).get("id").asText() : "none";
  }

  private static String answer(Rest.Response response) {
    return response.status() + " " + response.body();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** No file made: the process an expression would start runs on its own, so it is given time to. */
  private void assertNothingRan() throws Exception {
    Thread.sleep(1_000);
    try (var made = Files.list(proofs)) {
      assertThat(made.toList()).as("files the expressions made").isEmpty();
    }
  }
}
