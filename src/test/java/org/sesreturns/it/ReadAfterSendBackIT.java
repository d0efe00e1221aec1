package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The project lead opens a return the moment their SES lead sends it back, while the steps that
 * tell them of it run on the same return: every read answers, with the return as it was sent
 * back, and nobody is asked to try again (issue 15). Every objective of the Sefton catalogue is
 * sent back three times; after each send-back the lead, in four tabs at once, reads their task
 * list, the task, its form and its form variables (serialized, as Tasklist reads them, and
 * deserialized, the REST API's default; over the REST API and over the webapps' API) again and
 * again until those steps have run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadAfterSendBackIT {

  private static final String CYCLE = "2038-39-Q1";
  private static final int ROUNDS = 3;
  /** The lead's browser tabs, reading at the same time (Tasklist itself sends several reads at once). */
  private static final int READERS = 4;

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, WebappSession> tasklist = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final ExecutorService readers = Executors.newFixedThreadPool(READERS);

  @AfterEach
  void stopReaders() {
    readers.shutdownNow();
  }

  @Test
  void theLeadReadsTheirReturnTheMomentItIsSentBack() throws Exception {
    Rest rest = new Rest(port);
    assertThat(rest.startCycle("ses.coordinator", "2038-39 Q1", "2038-07-15", "2038-08-01").status()).isEqualTo(200);
    int sentBack = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      for (Catalogue.Objective objective : catalogue.objectives()) {
        String key = CYCLE + "/" + objective.id();
        submit(rest, key, objective.projectLead());
        String signOff = rest.task(objective.sesLead(), key).get("id").asText();
        String comment = "Round " + round + ": please add the March figures for " + objective.id();
        var done = rest.complete(objective.sesLead(), signOff, Map.of("approved", false, "signOffComment", comment));
        assertThat(done.status()).as(key + ": " + done.body()).isEqualTo(204);
        sentBack++;
        List<Callable<Void>> tabs = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
          tabs.add(() -> {
            readWhileTheLeadIsTold(rest, key, objective.projectLead(), comment);
            return null;
          });
        }
        for (Future<Void> tab : readers.invokeAll(tabs)) {
          tab.get();
        }
      }
    }
    System.out.printf("ReadAfterSendBackIT: %d send-backs, %d reads, %d refused%n", sentBack, reads.get(), refused.size());
    assertThat(sentBack).isEqualTo(ROUNDS * catalogue.objectives().size());
    assertThat(reads.get()).isGreaterThan(sentBack * READERS * 6);
    assertThat(refused).as("reads that did not answer").isEmpty();
  }

  /** The lead's reads, at once and again until no step of the return is left to run, and once after. */
  private void readWhileTheLeadIsTold(Rest rest, String key, String lead, String comment) {
    String instance = null;
    boolean quiet = false;
    for (int pass = 0; !quiet; pass++) {
      assertThat(pass).as(key + ": reads until the lead's steps have run; refused: " + refused).isLessThan(500);
      if (instance != null) {
        // asked before this round's reads, so that a step still in flight meets at least one more
        quiet = rest.get("admin", "/engine-rest/job/count?executable=true&processInstanceId=" + instance)
            .json().get("count").asInt() == 0;
      }
      var list = read(key + " task list", rest.get(lead, "/engine-rest/task?maxResults=10&processInstanceBusinessKey="
          + key.replace("/", "%2F")));
      if (list == null) {
        continue;
      }
      assertThat(list.size()).as(key + ": the lead's tasks").isOne();
      JsonNode task = list.get(0);
      assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("userTask_completeReturn");
      instance = task.get("processInstanceId").asText();
      String id = task.get("id").asText();
      read(key + " task", rest.get(lead, "/engine-rest/task/" + id));
      read(key + " form", rest.get(lead, "/engine-rest/task/" + id + "/form"));
      JsonNode serialized = read(key + " form variables serialized",
          rest.get(lead, "/engine-rest/task/" + id + "/form-variables?deserializeValues=false"));
      if (serialized != null) {
        JsonNode header = Rest.jsonValue(serialized, "returnHeader");
        assertThat(header.get("sentBackComment").asText()).as(key).isEqualTo(comment);
        assertThat(Rest.jsonValue(serialized, "kpis").size()).as(key + ": KPI rows").isPositive();
      }
      JsonNode deserialized = read(key + " form variables", rest.get(lead, "/engine-rest/task/" + id + "/form-variables"));
      if (deserialized != null) {
        assertThat(deserialized.has("returnHeader")).as(key).isTrue();
        assertThat(deserialized.get("overallStatus").get("value").asText()).as(key).isEqualTo("green");
      }
      WebappSession session = tasklist.computeIfAbsent(lead,
          user -> WebappSession.login(port, user, Rest.PASSWORD, "tasklist"));
      JsonNode webapp = read(key + " Tasklist's form variables", session.get("/camunda/api/engine/engine/default/task/" + id
          + "/form-variables?names=returnHeader,kpis,overallStatus,commentary&deserializeValues=false"));
      if (webapp != null) {
        assertThat(Rest.jsonValue(webapp, "returnHeader").get("sentBackComment").asText()).as(key).isEqualTo(comment);
      }
    }
  }

  /** The answer's JSON, or null (and the answer kept) when the read did not answer 200. */
  private JsonNode read(String what, Rest.Response response) {
    reads.incrementAndGet();
    if (response.status() != 200) {
      refused.add(what + ": " + response.status() + " " + response.body());
      return null;
    }
    return response.json();
  }

  /** The lead opens the return and submits it. */
  private static void submit(Rest rest, String key, String lead) {
    String taskId = rest.task(lead, key).get("id").asText();
    var rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, taskId), "kpis"));
    var done = rest.complete(lead, taskId, Map.of("overallStatus", "green", "commentary", "On track", "kpis", rows));
    assertThat(done.status()).as(key + ": " + done.body()).isEqualTo(204);
  }
}
