package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operations expect of a node behind a load balancer: its health (liveness, and readiness with
 * the database and the job executor in it) and its metrics in Prometheus form on the management
 * port, telling what is true of the node (a stopped job executor takes it out of service, a message
 * the mail server has not taken and a job that failed every retry are counted), and nothing of the
 * actuator on the users' port, however the path is spelt, or beyond these two on its own.
 *
 * <p>A context of its own (the metrics tag below): it stops the job executor for a while. Spring
 * Boot's tests leave metrics out unless asked, hence {@code @AutoConfigureObservability}: the
 * application itself exports them always.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.metrics.tags.node=operations-it")
class OperationsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @LocalManagementPort
  int managementPort;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ManagementService management;

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Test
  void theBalancerIsToldWhenTheNodeCannotRunItsJobsAndTheMetricsCountWhatWaits() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    JsonNode health = json(get(managementPort, "/actuator/health", 200));
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").fieldNames()).toIterable()
        .contains("db", "jobExecutor", "processEngine", "livenessState", "readinessState");
    assertThat(health.toString()).as("which part is down, not its settings").doesNotContain("details", "lockOwner");
    assertThat(json(get(managementPort, "/actuator/health/liveness", 200)).get("status").asText()).isEqualTo("UP");
    JsonNode ready = json(get(managementPort, "/actuator/health/readiness", 200));
    assertThat(ready.get("components").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("db", "jobExecutor", "processEngine", "readinessState");

    Rest rest = new Rest(port);
    // the job threads stop: the node says it is not ready, the cycle's issuing waits and is counted
    engine.getJobExecutor().shutdown();
    try {
      JsonNode notReady = json(get(managementPort, "/actuator/health/readiness", 503));
      assertThat(notReady.get("status").asText()).isEqualTo("DOWN");
      assertThat(notReady.at("/components/jobExecutor/status").asText()).isEqualTo("DOWN");
      assertThat(notReady.at("/components/db/status").asText()).isEqualTo("UP");
      assertThat(json(get(managementPort, "/actuator/health/liveness", 200)).get("status").asText())
          .as("alive: restarting it would not help").isEqualTo("UP");
      assertThat(rest.startCycle("ses.coordinator", "2049-50 Q1", "2049-07-16", "2049-08-02").status()).isEqualTo(200);
      assertThat(metric("ses_jobs_due")).as("the issuing waits for a job thread").isGreaterThanOrEqualTo(1);
    } finally {
      engine.getJobExecutor().start();
    }
    Rest.waitFor(() -> metric("ses_jobs_due") == 0 ? true : null, "the issuing to run once the job threads are back");
    assertThat(get(managementPort, "/actuator/health/readiness", 200)).contains("\"UP\"");
    assertThat(rest.task("stephanie.jukes", "2049-50-Q1/net-zero")).isNotNull();

    // a job that has failed every retry is counted (a reminder's timer, years away, stands in for it)
    assertThat(metric("ses_jobs_failed")).isZero();
    String timer = jdbc.sql("""
            select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
            where e.business_key_ = '2049-50-Q1/net-zero' and j.type_ = 'timer'""")
        .query(String.class).list().get(0);
    management.setJobRetries(timer, 0);
    try {
      assertThat(metric("ses_jobs_failed")).isEqualTo(1);
    } finally {
      management.setJobRetries(timer, 3);
    }
    assertThat(metric("ses_jobs_failed")).isZero();

    // a message recorded and not yet taken by the mail server (the node stopped between the two) is counted
    double queued = metric("ses_messages_queued");
    jdbc.sql("""
            insert into message (dedup_key, cycle_key, objective_id, kind, recipient_id, recipient_address, subject,
                                 text_body, html_body, queued_at)
            values ('operations-it', '2049-50-Q1', 'net-zero', 'issued', 'stephanie.jukes', 'stephanie@example.org',
                    'Your return', 'text', 'html', current_timestamp)""").update();
    try {
      assertThat(metric("ses_messages_queued")).isEqualTo(queued + 1);
    } finally {
      jdbc.sql("delete from message where dedup_key = 'operations-it'").update();
    }

    // the engine's requests are named by their mount, the pool's waits and the job threads' figures are there
    String metrics = get(managementPort, "/actuator/prometheus", 200);
    assertThat(metrics)
        .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/engine-rest/\\*\\*\"")
        .contains("hikaricp_connections_pending", "hikaricp_connections_acquire_seconds", "application=\"ses-returns\"")
        .as("a metric per mount, not per task").doesNotContainPattern("uri=\"/engine-rest/[a-z]");
  }

  @Test
  void theActuatorAnswersOnTheManagementPortAloneAndOnlyHealthAndMetrics() throws Exception {
    List<String> spellings = List.of("/actuator/health", "/actuator/health/", "//actuator/health", "/actuator//health",
        "/%61ctuator/health", "/actuator/%68ealth", "/actuator/health;x=1", "/actuator/prometheus", "/actuator/prometheus/",
        "/actuator", "/actuator/", "/actuator/env", "/actuator/heapdump", "/actuator/beans", "/ACTUATOR/health");
    for (String path : spellings) {
      for (String user : new String[] {null, "admin", "ses.coordinator"}) {
        HttpResponse<String> response = send(port, path, user);
        assertThat(response.statusCode()).as(path + " on the users' port, as " + user).isIn(401, 403, 404);
        assertThat(response.body()).as(path).doesNotContain("\"UP\"", "# HELP", "jvm_memory");
      }
    }
    // on the management port: nothing but health and metrics, however it is asked
    for (String path : List.of("/actuator/env", "/actuator/env/", "/actuator//env", "/actuator/%65nv",
        "/actuator/heapdump", "/actuator/threaddump", "/actuator/beans", "/actuator/configprops", "/actuator/loggers",
        "/actuator/mappings", "/actuator/metrics", "/actuator/shutdown", "/engine-rest/user", "/camunda/app/cockpit/default/",
        "/api/cycles")) {
      HttpResponse<String> response = send(managementPort, path, "admin");
      assertThat(response.statusCode()).as(path + " on the management port").isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("Quarterly-Test-1", "spring.datasource", "JAVA PROFILE");
    }
    var shutdown = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/shutdown"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(shutdown.statusCode()).isEqualTo(404);
    assertThat(get(managementPort, "/actuator/health", 200)).as("still running").contains("\"UP\"");
  }

  private double metric(String name) {
    try {
      Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(get(managementPort, "/actuator/prometheus", 200));
      assertThat(line.find()).as(name).isTrue();
      return Double.parseDouble(line.group(1));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String get(int port, String path, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = send(port, path, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
    return response.body();
  }

  private static HttpResponse<String> send(int port, String path, String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + Rest.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String body) throws IOException {
    return Rest.JSON.readTree(body);
  }
}
