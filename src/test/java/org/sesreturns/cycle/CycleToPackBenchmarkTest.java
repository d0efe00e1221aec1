package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sesreturns.it.Rest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole cycle of many objectives, run to its pack in the heap the application is run in (512 MB,
 * the benchmark profile's): started, every return submitted by its lead and signed off by its SES
 * lead over REST, the pack compiled in every format, reviewed and presented. Not a test of the
 * suite: {@code ./mvnw -Pbenchmark test -Dtest=CycleToPackBenchmarkTest -Dobjectives=1000}; it prints
 * the times and the most heap in use, sampled every 100 ms.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ses.history=")
class CycleToPackBenchmarkTest {

  private static final int OBJECTIVES = Integer.getInteger("objectives", 1000);

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void catalogue(DynamicPropertyRegistry registry) {
    CycleStartBenchmarkTest.generatedStrategy(registry, OBJECTIVES);
  }


  @Test
  void aCycleOfManyObjectivesRunsToItsPack() throws Exception {
    AtomicLong peak = new AtomicLong();
    Thread watch = new Thread(() -> {
      var memory = ManagementFactory.getMemoryMXBean();
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    watch.setDaemon(true);
    watch.start();

    Rest rest = new Rest(port);
    long start = System.nanoTime();
    var started = rest.startCycle("coord", "2025-26 Q1", "2025-07-15", "2025-08-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    for (int o = 0; o < OBJECTIVES; o++) {
      String lead = "lead-" + (o % 100);
      JsonNode task = rest.task(lead, "2025-26-Q1/objective-" + o);
      JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, task.get("id").asText()), "kpis"));
      var done = rest.complete(lead, task.get("id").asText(), Map.of("overallStatus", "green",
          "commentary", Rest.JSON.getNodeFactory().textNode("On track, objective " + o), "kpis", rows));
      assertThat(done.status()).as(done.body()).isEqualTo(204);
    }
    long submitted = System.nanoTime();
    for (int o = 0; o < OBJECTIVES; o++) {
      String sesLead = "ses-" + (o % 10);
      JsonNode task = rest.task(sesLead, "2025-26-Q1/objective-" + o);
      assertThat(rest.complete(sesLead, task.get("id").asText(), Map.of("approved", true)).status()).isEqualTo(204);
    }
    long signedOff = System.nanoTime();
    JsonNode review = rest.task("coord", "2025-26-Q1", "userTask_reviewPack");
    long compiled = System.nanoTime();
    assertThat(rest.complete("coord", review.get("id").asText(), Map.of("packApproved", true)).status()).isEqualTo(204);
    JsonNode present = rest.task("coord", "2025-26-Q1", "userTask_presentPack");
    assertThat(rest.complete("coord", present.get("id").asText(),
        Map.of("boardMeetingHeld", "2025-08-01", "boardDecisions", "Noted")).status()).isEqualTo(204);
    long closed = System.nanoTime();
    assertThat(rest.get("coord", "/api/cycles/2025-26-Q1").json().get("status").asText()).isEqualTo("closed");
    assertThat(rest.get("coord", "/api/cycles/2025-26-Q1/pack.pdf").status()).isEqualTo(200);
    watch.interrupt();

    System.out.printf("%n--- cycle to pack benchmark ---%nobjectives %d | heap max %d MB | most heap in use %d MB%n"
        + "every return submitted %d s | signed off %d s | pack compiled %d s | cycle closed %d s%n%n", OBJECTIVES,
        Runtime.getRuntime().maxMemory() >> 20, peak.get() >> 20, (submitted - start) / 1_000_000_000,
        (signedOff - start) / 1_000_000_000, (compiled - start) / 1_000_000_000, (closed - start) / 1_000_000_000);
  }
}
