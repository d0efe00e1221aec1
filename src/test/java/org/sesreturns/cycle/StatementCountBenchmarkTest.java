package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sesreturns.it.Rest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SQL statements a submission and a sign-off cost, counted by kind: every statement the
 * application's connections run (datasource-proxy around the pool), those of the HTTP request
 * apart from those of the jobs it sets off (the messages, the progress board). The returns are
 * filled in as a lead fills them in (every KPI, progress notes, a paragraph of commentary) and the
 * ladder's timers are not due, so that the figures are those of the deadline rush. Not a test of
 * the suite: {@code ./mvnw -Pbenchmark test -Dtest=StatementCountBenchmarkTest
 * -Dspring.profiles.active=postgres -DSES_DB_NAME=ses_bench} (an empty database; without the
 * profile, the embedded H2). Writes every statement of the first submission and sign-off to
 * {@code target/statements-*.txt}, by count and in order.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ses.history=")
class StatementCountBenchmarkTest {

  private static final int OBJECTIVES = Integer.getInteger("objectives", 10);
  private static final String COMMENTARY = "Delivery is on track: the second phase of the programme opened in"
      + " February, partners report steady take-up, and the one milestone behind schedule (contractor availability)"
      + " has an agreed recovery plan with the funding body.";

  /** What is being counted now; statements outside a recording are not kept. */
  private static final AtomicReference<List<Counted>> recording = new AtomicReference<>();

  @LocalServerPort
  int port;

  @Autowired
  ManagementService management;

  @DynamicPropertySource
  static void catalogue(DynamicPropertyRegistry registry) {
    CycleStartBenchmarkTest.generatedStrategy(registry, OBJECTIVES);
  }

  @TestConfiguration
  static class CountedDataSource {

    @Bean
    static BeanPostProcessor countStatements() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource source ? ProxyDataSourceBuilder.create(source).name("counted")
              .listener(new Counter()).build() : bean;
        }
      };
    }
  }

  /** One statement run: on the request's thread or another (a job's), and its SQL. */
  record Counted(boolean request, String sql) {}

  private static final class Counter implements QueryExecutionListener {

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      List<Counted> into = recording.get();
      if (into == null) {
        return;
      }
      boolean request = Thread.currentThread().getName().startsWith("http-nio");
      for (QueryInfo query : queries) {
        // a batch of prepared statements is one query with a set of parameters per statement
        int times = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
        for (int i = 0; i < times; i++) {
          into.add(new Counted(request, query.getQuery()));
        }
      }
    }
  }

  @Test
  void countTheStatementsOfASubmissionAndASignOff() throws Exception {
    // as Tasklist calls the engine: through the webapps' alias, with the login's session (HTTP
    // Basic would read the user, the groups and the tenants again with every request)
    Rest rest = new Rest(port).spelt(Rest.Spelling.all().stream().filter(s -> s.name().equals("the webapps' alias"))
        .findFirst().orElseThrow());
    // a quarter whose deadlines are years away: no reminder is due while the returns are counted
    assertThat(rest.startCycle("coord", "2030-31 Q1", "2030-07-15", "2030-08-01").status()).isEqualTo(200);
    awaitJobsDone();

    List<List<Counted>> submissions = new ArrayList<>();
    for (int o = 0; o < OBJECTIVES; o++) {
      String lead = "lead-" + (o % 100);
      JsonNode task = rest.task(lead, "2030-31-Q1/objective-" + o);
      String taskId = task.get("id").asText();
      JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, taskId), "kpis"));
      submissions.add(counted(() -> rest.complete(lead, taskId, Map.of("overallStatus", "amber",
          "commentary", Rest.JSON.getNodeFactory().textNode(COMMENTARY), "kpis", rows))));
    }
    List<List<Counted>> signOffs = new ArrayList<>();
    for (int o = 0; o < OBJECTIVES; o++) {
      String sesLead = "ses-" + (o % 10);
      String taskId = rest.task(sesLead, "2030-31-Q1/objective-" + o).get("id").asText();
      rest.formVariables(sesLead, taskId);
      signOffs.add(counted(() -> rest.complete(sesLead, taskId, Map.of("approved", true))));
    }
    JsonNode cycle = rest.get("coord", "/api/cycles/2030-31-Q1").json();
    assertThat(Rest.texts(cycle.get("returns"), "status")).hasSize(OBJECTIVES).containsOnly("signed-off");

    write("submission", submissions.get(0));
    write("sign-off", signOffs.get(0));
    System.out.printf("%n--- statement count benchmark (%d returns, %s) ---%n%s%n%s%n", OBJECTIVES, database(),
        table("submission", submissions), table("sign-off", signOffs));
  }

  /** The statements of one request and of the jobs it set off, until none is left to run. */
  private List<Counted> counted(java.util.concurrent.Callable<Rest.Response> request) throws Exception {
    List<Counted> statements = Collections.synchronizedList(new ArrayList<>());
    recording.set(statements);
    try {
      Rest.Response response = request.call();
      assertThat(response.status()).as(response.body()).isEqualTo(204);
      awaitJobsDone();
    } finally {
      recording.set(null);
    }
    return new ArrayList<>(statements);
  }

  private void awaitJobsDone() throws InterruptedException {
    long until = System.nanoTime() + 120_000_000_000L;
    // statements of the job executor's own polling outside a job are counted with the jobs: a
    // short wait keeps them few, and they are the same whatever the request was
    while (management.createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > until) {
        throw new AssertionError("jobs still due after two minutes");
      }
      Thread.sleep(20);
    }
  }

  /** The kinds of the table by what a statement touches, in the order they are tried. */
  private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("timers and jobs", Pattern.compile("(?i)\\bact_(ru_job|hi_job_log|ru_jobdef)\\b"));
    KINDS.put("variables and their history", Pattern.compile("(?i)\\bact_(ru_variable|hi_varinst|hi_detail|ge_bytearray)\\b"));
    KINDS.put("engine: tasks, executions, activities, authorizations, operation log", Pattern.compile("(?i)\\bact_"));
    KINDS.put("the application's tables", Pattern.compile(".*"));
  }

  static String kind(String sql) {
    return KINDS.entrySet().stream().filter(k -> k.getValue().matcher(sql).find()).findFirst().orElseThrow().getKey();
  }

  private static String table(String what, List<List<Counted>> runs) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%s, mean of %d | in the request | in the jobs it sets off%n--- | --- | ---%n", what, runs.size()));
    int request = 0;
    int jobs = 0;
    for (String kind : KINDS.keySet()) {
      double inRequest = mean(runs, c -> c.request() && kind(c.sql()).equals(kind));
      double inJobs = mean(runs, c -> !c.request() && kind(c.sql()).equals(kind));
      table.append(String.format(Locale.ROOT, "%s | %.1f | %.1f%n", kind, inRequest, inJobs));
    }
    table.append(String.format(Locale.ROOT, "total | %.1f | %.1f%n", mean(runs, Counted::request),
        mean(runs, c -> !c.request())));
    return table.toString();
  }

  private static double mean(List<List<Counted>> runs, java.util.function.Predicate<Counted> which) {
    return runs.stream().mapToLong(run -> run.stream().filter(which).count()).average().orElse(0);
  }

  /** The statements, most frequent first, by where they ran: what to cut next. */
  private static void write(String what, List<Counted> statements) throws IOException {
    Map<String, Long> counts = statements.stream().collect(Collectors.groupingBy(
        c -> (c.request() ? "request | " : "jobs    | ") + kind(c.sql()) + " | " + c.sql().replaceAll("\\s+", " "),
        TreeMap::new, Collectors.counting()));
    List<String> lines = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getValue() + " | " + e.getKey()).toList();
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "statements-" + what + ".txt"), lines);
    // and the request's in the order they ran: which reads repeat, between which writes
    Files.write(Path.of("target", "statements-" + what + "-in-order.txt"), statements.stream().filter(Counted::request)
        .map(c -> kind(c.sql()) + " | " + c.sql().replaceAll("\\s+", " ")).toList());
  }

  private static String database() {
    return System.getProperty("spring.profiles.active", "").contains("postgres") ? "PostgreSQL" : "H2";
  }
}
