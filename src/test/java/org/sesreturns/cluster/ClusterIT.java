package org.sesreturns.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.CatalogueLoader;
import org.sesreturns.it.Rest;

/**
 * Several nodes on one PostgreSQL database, as Camunda runs a homogeneous cluster: each node the
 * packaged jar in a Java process of its own, every message to one mail server (GreenMail). Two
 * nodes start together on an empty database; a cycle is driven through both; a node is killed
 * (SIGKILL) while it holds jobs; then the only node left is killed and started again. Nothing may
 * be lost, no timer may fire twice and no message may be sent twice. Run with
 * {@code ./mvnw verify -Pcluster} (.ci/run does), on the PostgreSQL of .ci/run.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String DATABASE = "ses_cluster";
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  private static final Duration START = Duration.ofMinutes(4);
  /** Short, so the test waits seconds, not the production five minutes, for a dead node's jobs. */
  private static final String LOCK_MILLIS = "20000";

  private static final Catalogue catalogue = new CatalogueLoader().load("classpath:catalogue/sefton-ses.yaml", List.of());
  private static GreenMail mail;
  private static Node a;
  private static Node b;

  @BeforeAll
  static void freshDatabaseAndMailServer() throws Exception {
    try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
      // as .ci/run and docker-compose.yml make them
      admin.createStatement().execute("do $$ begin if not exists (select from pg_roles where rolname = 'ses') then"
          + " create role ses login password 'ses'; end if; end $$");
      admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
      admin.createStatement().execute("create database " + DATABASE + " owner ses");
    }
    mail = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (Node node : new Node[] {a, b}) {
      if (node != null && node.alive()) {
        node.stop();
      }
    }
    if (mail != null) {
      mail.stop();
    }
  }

  @Test
  @Order(1)
  void twoNodesStartTogetherOnAnEmptyDatabaseAndShareACycle() throws Exception {
    // both at the same moment, on a database with no table yet
    a = Node.start("node-a", DATABASE, mail.getSmtp().getPort(), Map.of("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS));
    b = Node.start("node-b", DATABASE, mail.getSmtp().getPort(), Map.of("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS));
    a.awaitUp(START);
    b.awaitUp(START);
    assertThat(a.alive() && b.alive()).isTrue();
    // the packaged jar exports its metrics as an operator runs it, each node the whole cluster's jobs
    assertThat(a.metrics()).contains("ses_jobs_due{", "ses_messages_queued{", "hikaricp_connections_pending{");
    // the set-up was made once: one deployment of each process, each user, group and filter once
    assertThat(count("select count(*) from act_re_procdef where key_ = 'quarterlyCycleProcess'")).isOne();
    assertThat(count("select count(*) from act_re_procdef where key_ = 'objectiveReturnProcess'")).isOne();
    assertThat(count("select count(*) from act_id_user")).isEqualTo(catalogue.people().size() + 1);
    assertThat(count("select count(*) from (select name_ from act_ru_filter group by name_ having count(*) > 1) d")).isZero();
    assertThat(count("select count(*) from (select group_id_, resource_type_, resource_id_ from act_ru_authorization"
        + " where group_id_ is not null group by 1, 2, 3 having count(*) > 1) d")).isZero();

    Rest ra = new Rest(a.port);
    Rest rb = new Rest(b.port);
    String cycle = start(ra, "2025-26 Q1", "2025-07-15", "2025-08-01");
    List<Catalogue.Objective> objectives = catalogue.objectives();
    for (int i = 0; i < objectives.size(); i++) {
      submit(i % 2 == 0 ? ra : rb, cycle, objectives.get(i));
    }
    for (int i = 0; i < objectives.size(); i++) {
      signOff(i % 2 == 0 ? rb : ra, cycle, objectives.get(i));
    }
    reviewAndPresent(rb, cycle);

    awaitQuiet();
    assertThat(count("select count(*) from objective_return where cycle_key = '" + cycle + "' and status = 'signed-off'"))
        .isEqualTo(objectives.size());
    assertThat(count("select count(*) from pack_version where cycle_key = '" + cycle + "'")).isOne();
    everyTimerFiredOnce();
    everyMessageSentOnce();
    // both nodes worked the jobs
    assertThat(strings("select distinct hostname_ from act_hi_job_log")).contains("node-a", "node-b");
  }

  @Test
  @Order(2)
  void aNodeKilledWhileItHoldsJobsLosesNothing() throws Exception {
    // node B comes back with a mail server that accepts connections and never answers: its message
    // steps hang, holding their jobs' locks, until it is killed
    b.stop();
    try (BlackHole blackHole = new BlackHole()) {
      b = onSilentMailServer("node-b2", blackHole);
      Rest ra = new Rest(a.port);
      Rest rb = new Rest(b.port);
      String cycle = start(ra, "2025-26 Q2", "2025-10-15", "2025-11-03");
      List<Catalogue.Objective> objectives = catalogue.objectives();
      // half the returns submitted through each node, two signed off; a draft saved through B
      for (int i = 0; i < 6; i++) {
        submit(i % 2 == 0 ? rb : ra, cycle, objectives.get(i));
      }
      signOff(rb, cycle, objectives.get(0));
      signOff(ra, cycle, objectives.get(1));
      Catalogue.Objective drafted = objectives.get(8);
      saveDraft(rb, cycle, drafted, "Half written, saved on B");

      // B holds jobs it cannot finish: the same locked job seen twice, seconds apart
      String held = waitFor(() -> {
        List<String> locked = strings("select id_ from act_ru_job where lock_owner_ is not null");
        sleep(3000);
        List<String> still = strings("select id_ from act_ru_job where lock_owner_ is not null");
        return locked.stream().filter(still::contains).findFirst().orElse(null);
      }, "a job held by node B", Duration.ofMinutes(2));
      b.kill();
      assertThat(count("select count(*) from act_ru_job where id_ = '" + held + "' and lock_owner_ is not null"))
          .as("the killed node's lock stays until it expires").isOne();

      // node A takes the jobs once their locks expire, and the cycle finishes on it alone
      awaitQuiet();
      assertThat(count("select count(*) from act_ru_job where id_ = '" + held + "'"))
          .as("the held job has run (or ended with its round)").isZero();
      assertThat(draftOf(ra, cycle, drafted)).as("the draft saved through the killed node").contains("Half written, saved on B");
      for (int i = 2; i < objectives.size(); i++) {
        if (i >= 6) {
          submit(ra, cycle, objectives.get(i));
        }
        signOff(ra, cycle, objectives.get(i));
      }
      reviewAndPresent(ra, cycle);
      awaitQuiet();
      assertThat(count("select count(*) from objective_return where cycle_key = '" + cycle + "' and status = 'signed-off'"))
          .isEqualTo(objectives.size());
      everyTimerFiredOnce();
      everyMessageSentOnce();
    }
  }

  @Test
  @Order(3)
  void theOnlyNodeKilledAndStartedAgainFinishesTheCycle() throws Exception {
    // node A alone, its message steps hanging as B's did: so jobs are pending when it is killed
    a.stop();
    try (BlackHole blackHole = new BlackHole()) {
      a = onSilentMailServer("node-a2", blackHole);
      Rest ra = new Rest(a.port);
      String cycle = start(ra, "2025-26 Q3", "2026-01-21", "2026-02-05");
      List<Catalogue.Objective> objectives = catalogue.objectives();
      for (int i = 0; i < 5; i++) {
        submit(ra, cycle, objectives.get(i));
      }
      for (int i = 0; i < 3; i++) {
        signOff(ra, cycle, objectives.get(i));
      }
      Catalogue.Objective drafted = objectives.get(7);
      saveDraft(ra, cycle, drafted, "Kept across the restart");
      int pending = count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)",
          java.sql.Timestamp.from(java.time.Instant.now()));
      a.kill();
      assertThat(pending).as("jobs were pending when the node was killed").isPositive();
      List<String> states = strings("select objective_id || '=' || status from objective_return where cycle_key = ?"
          + " order by objective_id", cycle);
      List<String> tasks = strings("select name_ || ' ' || assignee_ from act_ru_task order by 1");

      // started again, on the same database and the working mail server
      a = Node.start("node-a3", DATABASE, mail.getSmtp().getPort(), Map.of()).awaitUp(START);
      ra = new Rest(a.port);
      assertThat(strings("select objective_id || '=' || status from objective_return where cycle_key = ?"
          + " order by objective_id", cycle)).isEqualTo(states);
      assertThat(strings("select name_ || ' ' || assignee_ from act_ru_task order by 1")).isEqualTo(tasks);
      assertThat(draftOf(ra, cycle, drafted)).contains("Kept across the restart");

      awaitQuiet();
      for (int i = 3; i < objectives.size(); i++) {
        if (i >= 5) {
          submit(ra, cycle, objectives.get(i));
        }
        signOff(ra, cycle, objectives.get(i));
      }
      reviewAndPresent(ra, cycle);
      awaitQuiet();
      assertThat(count("select count(*) from objective_return where cycle_key = ? and status = 'signed-off'", cycle))
          .isEqualTo(objectives.size());
      everyTimerFiredOnce();
      everyMessageSentOnce();
    }
  }

  /** A node whose message steps hang on a mail server that never answers, holding their jobs' locks. */
  private static Node onSilentMailServer(String name, BlackHole blackHole) throws Exception {
    return Node.start(name, DATABASE, blackHole.port(), Map.of(
        "camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS,
        "spring.mail.properties.mail.smtp.timeout", "600000",
        "spring.mail.properties.mail.smtp.connectiontimeout", "600000")).awaitUp(START);
  }

  // --- users' steps, each through the node given

  private static String start(Rest rest, String period, String returnsDue, String boardMeeting) {
    var started = rest.startCycle(catalogue.coordinators().get(0), period, returnsDue, boardMeeting);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return period.replace(' ', '-');
  }

  private static void submit(Rest rest, String cycle, Catalogue.Objective objective) {
    String lead = objective.projectLead();
    JsonNode task = taskOf(rest, lead, cycle + "/" + objective.id(), "userTask_completeReturn");
    JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, task.get("id").asText()), "kpis"));
    var done = rest.complete(lead, task.get("id").asText(), Map.of("overallStatus", "green",
        "commentary", Rest.JSON.getNodeFactory().textNode("On track: " + objective.title()), "kpis", rows));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static void signOff(Rest rest, String cycle, Catalogue.Objective objective) {
    JsonNode task = taskOf(rest, objective.sesLead(), cycle + "/" + objective.id(), "userTask_signOffReturn");
    var done = rest.complete(objective.sesLead(), task.get("id").asText(), Map.of("approved", true));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static void reviewAndPresent(Rest rest, String cycle) {
    String coordinator = catalogue.coordinators().get(0);
    JsonNode review = taskOf(rest, coordinator, cycle, "userTask_reviewPack");
    assertThat(rest.complete(coordinator, review.get("id").asText(), Map.of("packApproved", true)).status()).isEqualTo(204);
    JsonNode present = taskOf(rest, coordinator, cycle, "userTask_presentPack");
    var closed = rest.complete(coordinator, present.get("id").asText(),
        Map.of("boardMeetingHeld", boardMeetingOf(rest, cycle), "boardDecisions", "Noted"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(204);
  }

  private static String boardMeetingOf(Rest rest, String cycle) {
    return rest.get(catalogue.coordinators().get(0), "/api/cycles/" + cycle).json().get("boardMeeting").asText();
  }

  /** The task as its user finds it in their list, whichever node answers. */
  private static JsonNode taskOf(Rest rest, String user, String businessKey, String taskDefinitionKey) {
    return waitFor(() -> {
      JsonNode list = rest.get(user, "/engine-rest/task?maxResults=10&processInstanceBusinessKey="
          + businessKey.replace("/", "%2F") + "&taskDefinitionKey=" + taskDefinitionKey).json();
      return list.size() == 1 ? list.get(0) : null;
    }, taskDefinitionKey + " of " + businessKey + " for " + user, Duration.ofMinutes(2));
  }

  private static void saveDraft(Rest rest, String cycle, Catalogue.Objective objective, String commentary) {
    ObjectNode draft = Rest.JSON.createObjectNode().put("overallStatus", "amber").put("commentary", commentary);
    assertThat(rest.put(objective.projectLead(), "/api/cycles/" + cycle + "/returns/" + objective.id() + "/draft", draft)
        .status()).isIn(200, 204);
  }

  private static String draftOf(Rest rest, String cycle, Catalogue.Objective objective) {
    return rest.get(objective.projectLead(), "/api/cycles/" + cycle + "/returns/" + objective.id() + "/draft").body();
  }

  // --- what the database and the mail server show

  /**
   * No job left that could run (the killed node's included, once its locks expired). A message a
   * killed node queued stays unsent only when its step ended with the round it belonged to (the
   * lead submitted before being told the return was theirs): telling them then would be wrong.
   */
  private static void awaitQuiet() {
    waitFor(() -> count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)",
            java.sql.Timestamp.from(java.time.Instant.now())) == 0 ? true : null,
        "every due job run", Duration.ofMinutes(3));
    assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null and retries_ = 0")).as("incidents").isZero();
  }

  /** Every timer of every process instance fired at most once per activity instance. */
  private static void everyTimerFiredOnce() {
    // named with their step, nodes and times, so that a failure says which job ran twice and where
    assertThat(strings("select job_id_ || ' ' || min(act_id_) || ' ' || string_agg(hostname_ || '@' || timestamp_, ', ')"
        + " from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1"))
        .as("jobs that succeeded twice").isEmpty();
    assertThat(strings("select proc_inst_id_ || ' ' || act_id_ from act_hi_actinst where act_type_ like '%Timer%'"
        + " and act_id_ in ('timer_returnHandedToLead', 'timer_returnAwaitingSignOff')"
        + " group by proc_inst_id_, act_id_, parent_act_inst_id_ having count(*) > 1")).as("timers fired twice").isEmpty();
  }

  /** What the mail server received is what the message log says was sent, each copy once. */
  private static void everyMessageSentOnce() throws Exception {
    Map<String, Integer> logged = new HashMap<>();
    for (String row : strings("select recipient_address || '|' || coalesce(cc_addresses, '') || '|' || subject from message"
        + " where sent_at is not null")) {
      String[] parts = row.split("\\|", 3);
      List<String> to = new ArrayList<>(List.of(parts[0]));
      if (!parts[1].isEmpty()) {
        to.addAll(List.of(parts[1].split(",")));
      }
      to.forEach(address -> logged.merge(address + " " + parts[2], 1, Integer::sum));
    }
    Map<String, Integer> received = new HashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      String subject = message.getSubject();
      for (String address : deliveredTo(message)) {
        received.merge(address + " " + subject, 1, Integer::sum);
      }
    }
    assertThat(received).isEqualTo(logged);
  }

  /** GreenMail keeps one copy per recipient; the envelope recipient is not in the headers, so each copy is matched by its To and Cc. */
  private static List<String> deliveredTo(MimeMessage message) throws Exception {
    List<String> all = new ArrayList<>();
    for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
      var addresses = message.getRecipients(type);
      if (addresses != null) {
        for (var address : addresses) {
          all.add(((jakarta.mail.internet.InternetAddress) address).getAddress());
        }
      }
    }
    return all;
  }

  private static int count(String sql, Object... parameters) {
    return Integer.parseInt(strings(sql, parameters).get(0));
  }

  private static List<String> strings(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(POSTGRES + DATABASE, "ses", "ses");
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      ResultSet rows = statement.executeQuery();
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static <T> T waitFor(Supplier<T> probe, String what, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      sleep(300);
    }
    throw new AssertionError("timed out after " + within + " waiting for " + what + "\n--- node A:\n" + (a == null ? "" : a.tail()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A mail server that accepts connections and never says a word. */
  private static final class BlackHole implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0);
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    BlackHole() throws IOException {
      Thread accept = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            held.add(server.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "black-hole-smtp");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
