package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sesreturns.it.Rest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The deadline burst: every lead submits at the same moment, then every SES lead signs off at the
 * same moment, each as one HTTP request (the task and its form read before, as Tasklist has them
 * open). Prints each burst's p50, p95 and throughput, and fails if a request was refused or a
 * return lost or doubled. Not a test of the suite:
 * {@code ./mvnw -Pbenchmark test -Dtest=DeadlineBurstBenchmarkTest -Dobjectives=200
 * -Dspring.profiles.active=postgres -DSES_DB_NAME=ses_bench} (an empty database).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ses.history=")
class DeadlineBurstBenchmarkTest {

  private static final int OBJECTIVES = Integer.getInteger("objectives", 200);

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void catalogue(DynamicPropertyRegistry registry) {
    CycleStartBenchmarkTest.generatedStrategy(registry, OBJECTIVES);
  }


  @Test
  void everyoneSubmitsThenSignsOffAtOnce() throws Exception {
    Rest rest = new Rest(port);
    assertThat(rest.startCycle("coord", "2025-26 Q1", "2025-07-15", "2025-08-01").status()).isEqualTo(200);
    List<Callable<Long>> submissions = new ArrayList<>();
    for (int o = 0; o < OBJECTIVES; o++) {
      String lead = "lead-" + (o % 100);
      JsonNode task = rest.task(lead, "2025-26-Q1/objective-" + o);
      JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, task.get("id").asText()), "kpis"));
      String taskId = task.get("id").asText();
      String commentary = "On track, objective " + o;
      submissions.add(() -> timed(() -> rest.complete(lead, taskId, Map.of("overallStatus", "green",
          "commentary", Rest.JSON.getNodeFactory().textNode(commentary), "kpis", rows))));
    }
    Burst submitted = burst(submissions);

    List<Callable<Long>> signOffs = new ArrayList<>();
    for (int o = 0; o < OBJECTIVES; o++) {
      String sesLead = "ses-" + (o % 10);
      String taskId = rest.task(sesLead, "2025-26-Q1/objective-" + o).get("id").asText();
      signOffs.add(() -> timed(() -> rest.complete(sesLead, taskId, Map.of("approved", true))));
    }
    Burst signedOff = burst(signOffs);
    // none lost, none doubled: every return signed off once, and the cycle goes on to its pack
    assertThat(rest.task("coord", "2025-26-Q1", "userTask_reviewPack").get("taskDefinitionKey").asText())
        .isEqualTo("userTask_reviewPack");
    JsonNode cycle = rest.get("coord", "/api/cycles/2025-26-Q1").json();
    assertThat(Rest.texts(cycle.get("returns"), "status")).hasSize(OBJECTIVES).containsOnly("signed-off");

    System.out.printf("%n--- deadline burst benchmark ---%nobjectives %d | submissions: p50 %d ms, p95 %d ms, %.1f per second"
        + " | sign-offs: p50 %d ms, p95 %d ms, %.1f per second%n%n", OBJECTIVES, submitted.p50(), submitted.p95(),
        submitted.perSecond(), signedOff.p50(), signedOff.p95(), signedOff.perSecond());
  }

  record Burst(long p50, long p95, double perSecond) {}

  /** All at once: one thread per request, released together. */
  static Burst burst(List<Callable<Long>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      long start = System.nanoTime();
      List<Long> millis = new ArrayList<>();
      for (Future<Long> done : pool.invokeAll(requests)) {
        millis.add(done.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Collections.sort(millis);
      return new Burst(millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
          requests.size() / seconds);
    } finally {
      pool.shutdown();
    }
  }

  static long timed(Callable<Rest.Response> request) throws Exception {
    long start = System.nanoTime();
    Rest.Response response = request.call();
    assertThat(response.status()).as(response.body()).isEqualTo(204);
    return (System.nanoTime() - start) / 1_000_000;
  }
}
