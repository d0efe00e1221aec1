package org.sesreturns.cluster;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar run as its own Java process, as an operator runs it, on
 * the shared PostgreSQL database. Its output goes to target/cluster/{name}.log.
 */
final class Node {

  static final String PASSWORD = "Quarterly-Test-1";

  final String name;
  final int port;
  private final int managementPort;
  private final Process process;

  private Node(String name, int port, int managementPort, Process process) {
    this.name = name;
    this.managementPort = managementPort;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a node; it does not wait for it to be up.
   *
   * @param smtpPort the mail server it sends to
   * @param extra further settings, as command-line properties
   */
  static Node start(String name, String database, int smtpPort, Map<String, String> extra) throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", jar().toString(),
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        // its health and metrics: awaitUp asks its readiness there, as a load balancer does
        "--management.server.port=" + managementPort,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--ses.mail.base-url=http://localhost:" + port,
        // the name the engine writes in its job log: which node ran which job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000"));
    extra.forEach((key, value) -> command.add("--" + key + "=" + value));
    Path log = Path.of("target", "cluster", name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of(
        "SES_DB_HOST", "127.0.0.1", "SES_DB_NAME", database, "SES_DB_USER", "ses", "SES_DB_PASSWORD", "ses",
        "SES_ADMIN_USER", "admin", "SES_ADMIN_PASSWORD", PASSWORD, "SES_INITIAL_PASSWORD", PASSWORD));
    return new Node(name, port, managementPort, builder.start());
  }

  /** Waits until the node says it is ready for users, as a load balancer asks it, or fails with the end of its log. */
  Node awaitUp(Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " stopped while starting (exit " + process.exitValue() + "):\n" + tail());
      }
      try {
        var connection = (HttpURLConnection) URI.create("http://localhost:" + managementPort + "/actuator/health/readiness")
            .toURL().openConnection();
        connection.setConnectTimeout(1000);
        if (connection.getResponseCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " did not start within " + within + ":\n" + tail());
  }

  /** Its metrics, as Prometheus scrapes them. */
  String metrics() throws IOException {
    var connection = (HttpURLConnection) URI.create("http://localhost:" + managementPort + "/actuator/prometheus")
        .toURL().openConnection();
    try (var body = connection.getInputStream()) {
      return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no transaction finished, no lock released. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the node stops as an operator stops it. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(Path.of("target", "cluster", name + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path jar() {
    File[] jars = new File("target").listFiles((dir, file) -> file.startsWith("ses-returns-") && file.endsWith(".jar")
        && !file.endsWith("-plain.jar") && !file.endsWith("-sources.jar"));
    if (jars == null || jars.length != 1) {
      throw new IllegalStateException("run after 'package': one target/ses-returns-*.jar expected");
    }
    return jars[0].toPath().toAbsolutePath();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
