package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sesreturns.it.Rest;
import org.sesreturns.returns.ObjectiveReturn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long a cycle of many objectives takes to start and to be fully issued (every return's task
 * created, every first message step run). Not a test of the suite: run it with
 * {@code ./mvnw -Pbenchmark test -Dtest=CycleStartBenchmarkTest -Dobjectives=1000}; it generates a
 * catalogue of that many objectives (one KPI each, 100 project leads, 10 SES leads), starts a cycle
 * on an H2 database in files (the application's default) and prints the figures. On PostgreSQL:
 * add {@code -Dspring.profiles.active=postgres -DSES_DB_NAME=ses_bench} (an empty database).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ses.history=")
class CycleStartBenchmarkTest {

  private static final int OBJECTIVES = Integer.getInteger("objectives", 1000);

  @LocalServerPort
  int port;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @DynamicPropertySource
  static void catalogue(DynamicPropertyRegistry registry) {
    generatedStrategy(registry, OBJECTIVES);
  }

  /**
   * What every benchmark of the cycle runs on: a generated catalogue of that many objectives, and
   * an H2 database in files (the application's default; the tests' in-memory H2 would hold every
   * row in the heap being measured) unless the postgres profile is active.
   */
  static void generatedStrategy(DynamicPropertyRegistry registry, int objectives) {
    registry.add("ses.catalogue", () -> "file:" + generated(objectives));
    if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/benchmark-db/ses-" + System.nanoTime());
    }
  }

  @Test
  void startACycleOfManyObjectives() {
    Rest rest = new Rest(port);
    long start = System.nanoTime();
    var started = rest.startCycle("coord", "2030-31 Q1", "2030-07-15", "2030-08-01");
    long answered = System.nanoTime();
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    // what the coordinator and a lead see while the returns are being issued
    long[] during = usable(rest);
    long issuedAt = 0;
    while (true) {
      long open = tasks.createTaskQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY).count();
      if (open == OBJECTIVES && issuedAt == 0) {
        issuedAt = System.nanoTime();
      }
      if (issuedAt != 0 && management.createJobQuery().executable().count() == 0) {
        break;
      }
      if (System.nanoTime() - start > 900_000_000_000L) {
        throw new AssertionError("not issued within 15 minutes: " + open + " of " + OBJECTIVES + " tasks");
      }
      sleep();
    }
    long settled = System.nanoTime();
    long[] after = usable(rest);
    System.out.printf("%n--- cycle start benchmark ---%nobjectives %d | start answered %d ms | every return's task %d ms"
        + " | every due job run %d ms%n%n", OBJECTIVES, (answered - start) / 1_000_000, (issuedAt - start) / 1_000_000,
        (settled - start) / 1_000_000);
    System.out.printf("progress board / a lead's task list / the coordinators' first 50 tasks: while issuing %d / %d / %d ms,"
        + " after %d / %d / %d ms%n%n", during[0], during[1], during[2], after[0], after[1], after[2]);
  }

  /** How long the progress board, a lead's Tasklist list and the coordinators' take to answer. */
  private static long[] usable(Rest rest) {
    return new long[] {
        timed(() -> rest.get("coord", "/api/progress/2030-31-Q1")),
        timed(() -> rest.get("lead-7", "/engine-rest/task?maxResults=50&sortBy=dueDate&sortOrder=asc")),
        timed(() -> rest.get("coord", "/engine-rest/task?maxResults=50&sortBy=dueDate&sortOrder=asc"))};
  }

  private static long timed(java.util.function.Supplier<Rest.Response> request) {
    long start = System.nanoTime();
    Rest.Response response = request.get();
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path generated(int objectives) {
    StringBuilder yaml = new StringBuilder("""
        strategy: {id: benchmark-programme, title: Benchmark Programme, board: Programme Board}
        people:
          - {id: coord, name: Coordinator, email: coord@example.org}
        """);
    for (int p = 0; p < 100; p++) {
      yaml.append("  - {id: lead-").append(p).append(", name: Project Lead ").append(p).append(", email: lead-").append(p)
          .append("@example.org}\n");
    }
    for (int p = 0; p < 10; p++) {
      yaml.append("  - {id: ses-").append(p).append(", name: SES Lead ").append(p).append(", email: ses-").append(p)
          .append("@example.org}\n");
    }
    yaml.append("roles: {coordinators: [coord], board: []}\nobjectives:\n");
    for (int o = 0; o < objectives; o++) {
      yaml.append("  - id: objective-").append(o).append("\n    title: Objective ").append(o)
          .append("\n    ses-lead: ses-").append(o % 10).append("\n    project-lead: lead-").append(o % 100)
          .append("\n    kpis:\n      - {id: kpi-0, title: Businesses supported, type: count, target: 100}\n");
    }
    try {
      Path file = Path.of("target", "benchmark-catalogue-" + objectives + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
