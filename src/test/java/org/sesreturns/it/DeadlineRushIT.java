package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deadline rush, as the last hour before a deadline has it: every lead at once opens their
 * return, saves a draft and submits it (half through Tasklist's session and the webapps' alias,
 * half over the REST API), then every SES lead at once signs off or sends back, the leads sent back
 * resubmit at once and are signed off at once; all the while the reminder ladder's timers of those
 * very returns fall due (each return's next rung made due now, through each burst), so its reminders,
 * chasers, escalations and the steps telling people of their tasks run against the people's
 * changes. No answer asks anyone to try again or is a server error, and nothing is lost or
 * doubled: every return signed off once, each submission kept once, each message of each state
 * change sent once, no step failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineRushIT {

  private static final String PERIOD = "2052-53 Q1";
  private static final String CYCLE = "2052-53-Q1";
  private static final String COMMENTARY = """
      Delivery is on plan: the second phase started in May and "the hub" opens in September <subject to fit-out>.
      Spend is £1.2m of £1.5m – ’on track’ & reported monthly to the programme board.""";

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcClient jdbc;

  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger timersMadeDue = new AtomicInteger();
  /** Each rung of each return's ladder (a timer of an execution) is made due once, as its day comes once. */
  private final java.util.Set<String> rungsMadeDue = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Test
  void aRushWithTheLadderFiringAsksNobodyToTryAgainAndLosesOrDoublesNothing() throws Exception {
    Rest rest = new Rest(port);
    Rest tasklist = rest.spelt(Rest.Spelling.all().stream()
        .filter(s -> s.name().equals("the webapps' alias")).findFirst().orElseThrow());
    Rest.Response started = rest.startCycle(catalogue.coordinators().get(0), PERIOD, "2052-07-19", "2052-08-01");
    assertThat(started.status()).isEqualTo(200);
    String cycleInstance = started.json().get("id").asText();
    List<Catalogue.Objective> objectives = catalogue.objectives();

    // every lead has the return open, as at the deadline
    List<Callable<Void>> submissions = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      Catalogue.Objective objective = objectives.get(i);
      Rest client = i % 2 == 0 ? tasklist : rest;
      String taskId = rest.task(objective.projectLead(), CYCLE + "/" + objective.id()).get("id").asText();
      submissions.add(() -> submit(client, objective, taskId, 1));
    }
    burst(submissions);

    // every SES lead at once: odd ones send back
    List<Callable<Void>> decisions = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      Catalogue.Objective objective = objectives.get(i);
      boolean approve = i % 2 == 0;
      Rest client = i % 3 == 0 ? tasklist : rest;
      String taskId = rest.task(objective.sesLead(), CYCLE + "/" + objective.id(), "userTask_signOffReturn").get("id").asText();
      decisions.add(() -> decide(client, objective, taskId, approve));
    }
    burst(decisions);

    // the leads sent back resubmit at once, and are signed off at once
    List<Callable<Void>> again = new ArrayList<>();
    for (int i = 1; i < objectives.size(); i += 2) {
      Catalogue.Objective objective = objectives.get(i);
      String taskId = rest.task(objective.projectLead(), CYCLE + "/" + objective.id(), "userTask_completeReturn").get("id").asText();
      Rest client = i % 4 == 1 ? tasklist : rest;
      again.add(() -> submit(client, objective, taskId, 2));
    }
    burst(again);
    List<Callable<Void>> last = new ArrayList<>();
    for (int i = 1; i < objectives.size(); i += 2) {
      Catalogue.Objective objective = objectives.get(i);
      String taskId = rest.task(objective.sesLead(), CYCLE + "/" + objective.id(), "userTask_signOffReturn").get("id").asText();
      last.add(() -> decide(rest, objective, taskId, true));
    }
    burst(last);
    Rest.waitForNoJobDue(jdbc, CYCLE);

    assertThat(refused).as("answers that were not a success").isEmpty();
    assertThat(timersMadeDue.get()).as("the ladder fired during the bursts").isGreaterThan(objectives.size());

    // every return signed off once; each submission kept once
    for (int i = 0; i < objectives.size(); i++) {
      String objective = objectives.get(i).id();
      int rounds = i % 2 == 0 ? 1 : 2;
      assertThat(jdbc.sql("select status from objective_return where cycle_key = ? and objective_id = ?")
          .params(CYCLE, objective).query(String.class).single()).as(objective).isEqualTo("signed-off");
      assertThat(jdbc.sql("""
              select count(*) from return_submission s join objective_return r on r.id = s.return_id
              where r.cycle_key = ? and r.objective_id = ?""").params(CYCLE, objective).query(Integer.class).single())
          .as(objective + ": submissions kept").isEqualTo(rounds);
      assertThat(events(objective, "submitted")).as(objective).isEqualTo(rounds);
      assertThat(events(objective, "signed-off")).as(objective).isEqualTo(1);
      assertThat(events(objective, "sent-back")).as(objective).isEqualTo(rounds - 1);
      // each message of a state change sent once, none left unsent
      assertThat(messages(objective, "awaiting-sign-off")).as(objective).isEqualTo(rounds);
      assertThat(messages(objective, "return-sent-back")).as(objective).isEqualTo(rounds - 1);
      assertThat(messages(objective, "return-signed-off")).as(objective).isEqualTo(1);
      assertThat(messages(objective, "return-issued")).as(objective).isEqualTo(1);
    }
    assertThat(jdbc.sql("select count(*) from message where cycle_key = ? and sent_at is null").param(CYCLE)
        .query(Integer.class).single()).as("messages not sent").isZero();
    assertThat(jdbc.sql("""
            select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
            where e.business_key_ like ? and j.retries_ = 0""").param(CYCLE + "%").query(Integer.class).single())
        .as("steps that failed every retry").isZero();
    assertThat(jdbc.sql("""
            select count(*) from act_ru_incident i join act_ru_execution e on e.id_ = i.proc_inst_id_
            where e.business_key_ like ?""").param(CYCLE + "%").query(Integer.class).single()).as("incidents").isZero();
    // and the cycle saw every return in: the coordinator approves the pack. Its presentation waits
    // for the board's meeting in 2052, so an administrator ends the cycle, as in Cockpit: the
    // suite's other classes share its database and the coordinators' task lists
    String coordinator = catalogue.coordinators().get(0);
    JsonNode review = rest.task(coordinator, CYCLE, "userTask_reviewPack");
    assertThat(rest.complete(coordinator, review.get("id").asText(), Map.of("packApproved", true)).status()).isEqualTo(204);
    assertThat(rest.task(coordinator, CYCLE, "userTask_presentPack")).isNotNull();
    assertThat(rest.delete("admin", "/engine-rest/process-instance/" + cycleInstance).status()).isEqualTo(204);
    Rest.waitForNoJobDue(jdbc, CYCLE);
    assertThat(jdbc.sql("select count(*) from act_ru_execution where business_key_ like ?").param(CYCLE + "%")
        .query(Integer.class).single()).as("the cycle's processes still running").isZero();
  }

  /** The lead reads the form, saves a draft, then submits: three requests, each of them must succeed. */
  private Void submit(Rest client, Catalogue.Objective objective, String taskId, int round) {
    String lead = objective.projectLead();
    Rest.Response form = client.get(lead, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
    check("form of " + objective.id(), form, 200);
    JsonNode rows = Rest.filledIn(Rest.jsonValue(form.json(), "kpis"));
    String commentary = COMMENTARY + "\nRound " + round + " of " + objective.title() + ".";
    ObjectNode draft = Rest.JSON.createObjectNode();
    draft.set("kpis", rows);
    draft.put("overallStatus", "amber");
    draft.put("commentary", commentary);
    check("draft of " + objective.id(), client.put(lead, "/api/cycles/" + CYCLE + "/returns/" + objective.id() + "/draft",
        draft), 200);
    check("submission of " + objective.id(), client.complete(lead, taskId, Map.of("overallStatus", "amber",
        "commentary", Rest.JSON.getNodeFactory().textNode(commentary), "kpis", rows)), 204);
    return null;
  }

  private Void decide(Rest client, Catalogue.Objective objective, String taskId, boolean approve) {
    String sesLead = objective.sesLead();
    check("sign-off form of " + objective.id(), client.get(sesLead, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false"), 200);
    Map<String, Object> decision = approve ? Map.of("approved", true)
        : Map.of("approved", false, "signOffComment", "Please give the March figure for " + objective.title()
            + " and say where it comes from.");
    check("decision on " + objective.id(), client.complete(sesLead, taskId, decision), 204);
    return null;
  }

  private void check(String what, Rest.Response response, int expected) {
    if (response.status() != expected) {
      refused.add(what + ": " + response.status() + " " + response.body());
    }
  }

  /** Runs the people's requests all at once while the ladder's timers of the cycle keep falling due. */
  private void burst(List<Callable<Void>> people) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(people.size() + 1);
    try {
      Future<?> ladder = pool.submit(() -> {
        while (running.get()) {
          makeTimersDue();
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      List<Future<Void>> done = pool.invokeAll(people);
      running.set(false);
      ladder.get();
      for (Future<Void> person : done) {
        person.get();
      }
      assertThat(refused).as("answers that were not a success").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The next rung of each return's ladder falls due (the clock's stand-in): of each return's
   * waiting timers, the one due first, once; with it come the steps it sets off (the message, the
   * next chaser's timer). As at 09:00 on a due date: every return's reminder at once.
   */
  private void makeTimersDue() {
    List<String[]> timers = jdbc.sql("""
            select j.id_, j.process_instance_id_, j.execution_id_, j.job_def_id_ from act_ru_job j
            join act_ru_execution e on e.id_ = j.process_instance_id_
            where e.business_key_ like ? and j.type_ = 'timer' and j.duedate_ > ?
            order by j.duedate_""")
        .params(CYCLE + "/%", new java.sql.Timestamp(System.currentTimeMillis()))
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3) + "/" + rs.getString(4)})
        .list();
    java.util.Set<String> instances = new java.util.HashSet<>();
    for (String[] timer : timers) {
      if (!instances.add(timer[1]) || !rungsMadeDue.add(timer[2])) {
        continue; // one rung per return at a time; and a rung comes once (the next chaser is days away)
      }
      try {
        management.setJobDuedate(timer[0], new Date());
        timersMadeDue.incrementAndGet();
      } catch (ProcessEngineException goneOrChanging) {
        // the timer fired or its task ended meanwhile: the rush goes on
      }
    }
  }

  private int events(String objective, String event) {
    return jdbc.sql("select count(*) from return_event where cycle_key = ? and objective_id = ? and event = ?")
        .params(CYCLE, objective, event).query(Integer.class).single();
  }

  private int messages(String objective, String kind) {
    return jdbc.sql("select count(*) from message where cycle_key = ? and objective_id = ? and kind = ?")
        .params(CYCLE, objective, kind).query(Integer.class).single();
  }
}
