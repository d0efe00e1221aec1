package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sesreturns.it.Rest;

/**
 * ses-returns and a bare Camunda 7.24 application (bench/bare-camunda: the same Spring Boot,
 * starters, Spin and REST authentication, one process of the same two user tasks) run one after
 * the other in the same run, each the packaged jar in its own process with a heap of 512 MB, each
 * on an empty PostgreSQL database, and driven the same way over REST. Prints start-up time and
 * resident memory, the cost of one return (issue, submit, sign off; one client) and the deadline
 * bursts (200 submissions, then 200 sign-offs, at once), with the ratios the issue sets targets
 * for. Run it with {@code bench/side-by-side}, which builds both jars first.
 */
@Tag("benchmark")
class SideBySideBenchmarkTest {

  private static final int SEQUENTIAL = 100;
  private static final int BURST = 200;
  private static final int RETURNS = SEQUENTIAL + BURST;

  record Figures(long startupMillis, long rssAfterStartMb, long issueMillis, double millisPerReturn,
      DeadlineBurstBenchmarkTest.Burst submit, DeadlineBurstBenchmarkTest.Burst signOff, long rssAfterMb) {}

  @Test
  void sesReturnsBesideTheBareEngine() throws Exception {
    Figures ses = run(true);
    Figures bare = run(false);
    System.out.printf("%n--- side by side: ses-returns | bare Camunda | ratio ---%n");
    line("start-up (ms)", ses.startupMillis(), bare.startupMillis());
    line("resident memory after start-up (MB)", ses.rssAfterStartMb(), bare.rssAfterStartMb());
    line("issue " + RETURNS + " returns (ms)", ses.issueMillis(), bare.issueMillis());
    System.out.printf("%-44s %10.1f | %10.1f | %.2f%n", "one return: submit, sign off (ms of requests)",
        ses.millisPerReturn(), bare.millisPerReturn(), ses.millisPerReturn() / bare.millisPerReturn());
    burst("200 submissions at once", ses.submit(), bare.submit());
    burst("200 sign-offs at once", ses.signOff(), bare.signOff());
    line("resident memory after the returns (MB)", ses.rssAfterMb(), bare.rssAfterMb());
    System.out.println();
  }

  private static void line(String what, long ses, long bare) {
    System.out.printf("%-44s %10d | %10d | %.2f%n", what, ses, bare, (double) ses / bare);
  }

  private static void burst(String what, DeadlineBurstBenchmarkTest.Burst ses, DeadlineBurstBenchmarkTest.Burst bare) {
    System.out.printf("%-44s p50 %d | %d ms; p95 %d | %d ms (%.2f); %.1f | %.1f per second (%.2f)%n", what, ses.p50(),
        bare.p50(), ses.p95(), bare.p95(), (double) ses.p95() / bare.p95(), ses.perSecond(), bare.perSecond(),
        ses.perSecond() / bare.perSecond());
  }

  private Figures run(boolean ses) throws Exception {
    String database = ses ? "ses_side" : "ses_bare";
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
      admin.createStatement().execute("drop database if exists " + database + " with (force)");
      admin.createStatement().execute("create database " + database + " owner ses");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-jar", jar(ses ? "target" : "bench/bare-camunda/target", ses ? "ses-returns-" : "bare-camunda-"),
        "--server.port=" + port));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(new File("target/side-by-side-" + database + ".log"));
    if (ses) {
      command.addAll(List.of("--spring.profiles.active=postgres", "--management.server.port=0", "--ses.history=",
          "--ses.catalogue=file:" + CycleStartBenchmarkTest.generated(RETURNS)));
      builder.command(command);
      builder.environment().putAll(Map.of("SES_DB_HOST", "127.0.0.1", "SES_DB_NAME", database, "SES_DB_USER", "ses",
          "SES_DB_PASSWORD", "ses", "SES_ADMIN_PASSWORD", Rest.PASSWORD, "SES_INITIAL_PASSWORD", Rest.PASSWORD));
    } else {
      builder.environment().put("BARE_DB_NAME", database);
    }
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      awaitUp(process, port);
      long startup = (System.nanoTime() - start) / 1_000_000;
      Thread.sleep(3000);
      long rssStart = rssMb(process);
      Rest rest = new Rest(port);

      long issueStart = System.nanoTime();
      if (ses) {
        assertThat(rest.startCycle("coord", "2025-26 Q1", "2025-07-15", "2025-08-01").status()).isEqualTo(200);
        Rest.waitFor(() -> rest.get("admin", "/engine-rest/task/count?processDefinitionKey=objectiveReturnProcess")
            .json().get("count").asInt() == RETURNS ? true : null, "every return issued");
      } else {
        for (int o = 0; o < RETURNS; o++) {
          var started = rest.post("admin", "/engine-rest/process-definition/key/bareReturnProcess/start", Map.of(
              "businessKey", "2025-26-Q1/objective-" + o, "variables", Map.of(
                  "projectLead", Map.of("value", "lead-" + (o % 100)), "sesLead", Map.of("value", "ses-" + (o % 10)))));
          assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
      }
      long issue = (System.nanoTime() - issueStart) / 1_000_000;

      // one client, one return after another: the lead opens the task and its form and submits, the SES lead,
      // once told, signs off; what is counted is the submission's and the sign-off's requests
      long requestMillis = 0;
      for (int o = 0; o < SEQUENTIAL; o++) {
        requestMillis += submission(rest, ses, o).call();
        requestMillis += signOff(rest, o).call();
      }
      double perReturn = (double) requestMillis / SEQUENTIAL;

      List<Callable<Long>> submissions = new ArrayList<>();
      for (int o = SEQUENTIAL; o < RETURNS; o++) {
        submissions.add(submission(rest, ses, o));
      }
      var submit = DeadlineBurstBenchmarkTest.burst(submissions);
      List<Callable<Long>> signOffs = new ArrayList<>();
      for (int o = SEQUENTIAL; o < RETURNS; o++) {
        signOffs.add(signOff(rest, o));
      }
      var signOff = DeadlineBurstBenchmarkTest.burst(signOffs);
      return new Figures(startup, rssStart, issue, perReturn, submit, signOff, rssMb(process));
    } finally {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** The request that submits a return, with the task and its form read first, as the lead has them open. */
  private static Callable<Long> submission(Rest rest, boolean ses, int o) {
    String lead = "lead-" + (o % 100);
    JsonNode task = taskOf(rest, lead, o, "userTask_completeReturn");
    String taskId = task.get("id").asText();
    if (ses) {
      JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, taskId), "kpis"));
      return () -> DeadlineBurstBenchmarkTest.timed(() -> rest.complete(lead, taskId, Map.of("overallStatus", "green",
          "commentary", Rest.JSON.getNodeFactory().textNode("On track, objective " + o), "kpis", rows)));
    }
    rest.formVariables(lead, taskId);
    // the same data, as plain variables of the bare process
    return () -> DeadlineBurstBenchmarkTest.timed(() -> rest.complete(lead, taskId, Map.of("overallStatus", "green",
        "commentary", "On track, objective " + o, "achieved", "100")));
  }

  private static Callable<Long> signOff(Rest rest, int o) {
    String sesLead = "ses-" + (o % 10);
    String taskId = taskOf(rest, sesLead, o, "userTask_signOffReturn").get("id").asText();
    return () -> DeadlineBurstBenchmarkTest.timed(() -> rest.complete(sesLead, taskId, Map.of("approved", true)));
  }

  /** The task, once its person has been told of it (Rest.task waits for the steps due at once). */
  private static JsonNode taskOf(Rest rest, String user, int o, String taskDefinitionKey) {
    return rest.task(user, "2025-26-Q1/objective-" + o, taskDefinitionKey);
  }

  private static String jar(String folder, String prefix) {
    File[] jars = new File(folder).listFiles((dir, name) -> name.startsWith(prefix) && name.endsWith(".jar")
        && !name.endsWith("-plain.jar"));
    if (jars == null || jars.length != 1) {
      throw new IllegalStateException("build first (bench/side-by-side does): one " + folder + "/" + prefix + "*.jar expected");
    }
    return jars[0].getAbsolutePath();
  }

  private static void awaitUp(Process process, int port) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped while starting (exit " + process.exitValue() + ")");
      }
      try {
        var connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/camunda/app/welcome/default/")
            .toURL().openConnection();
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not up within a minute");
  }

  private static long rssMb(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
