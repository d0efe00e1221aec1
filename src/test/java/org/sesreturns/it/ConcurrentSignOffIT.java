package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Eleven SES leads' sign-offs arriving at the same moment are all accepted: none is refused
 * because another return of the same cycle ended at the same time, no job failed on the way, and
 * each return is recorded signed off once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSignOffIT {

  private static final String CYCLE = "2036-37-Q1";

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void simultaneousSignOffsAreAllAccepted() throws Exception {
    Rest rest = new Rest(port);
    assertThat(rest.startCycle("ses.coordinator", "2036-37 Q1", "2036-07-15", "2036-08-01").status()).isEqualTo(200);
    for (Catalogue.Objective objective : catalogue.objectives()) {
      submit(rest, CYCLE + "/" + objective.id(), objective);
    }
    List<Callable<Integer>> signOffs = catalogue.objectives().stream().map(objective -> {
      String taskId = rest.task(objective.sesLead(), CYCLE + "/" + objective.id()).get("id").asText();
      return (Callable<Integer>) () -> rest.complete(objective.sesLead(), taskId, Map.of("approved", true)).status();
    }).toList();

    ExecutorService pool = Executors.newFixedThreadPool(signOffs.size());
    try {
      for (Future<Integer> status : pool.invokeAll(signOffs)) {
        assertThat(status.get()).isEqualTo(204);
      }
    } finally {
      pool.shutdown();
    }
    var review = rest.task("ses.coordinator", CYCLE, "userTask_reviewPack");
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("userTask_reviewPack");

    // a collision would show as a failed job (retrying) or an incident, not as a refused sign-off; the
    // cycle's own (the suite's other classes share the database)
    assertThat(jdbc.sql("""
            select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
            where e.business_key_ like ? and j.exception_msg_ is not null""").param(CYCLE + "%")
        .query(Integer.class).single()).as("jobs that failed").isZero();
    assertThat(jdbc.sql("""
            select count(*) from act_hi_job_log l join act_hi_procinst p on p.proc_inst_id_ = l.process_instance_id_
            where p.business_key_ like ? and l.job_state_ = 1""").param(CYCLE + "%")
        .query(Integer.class).single()).as("job failures ever logged").isZero();
    assertThat(jdbc.sql("""
            select count(*) from act_ru_incident i join act_ru_execution e on e.id_ = i.proc_inst_id_
            where e.business_key_ like ?""").param(CYCLE + "%").query(Integer.class).single()).as("incidents").isZero();
    // and every return is recorded once, signed off once
    assertThat(jdbc.sql("""
        select count(*) from objective_return r where r.cycle_key = ? and r.status = 'signed-off'
          and (select count(*) from return_submission s where s.return_id = r.id and s.decision = 'approved') = 1""")
        .param(CYCLE).query(Integer.class).single()).isEqualTo(catalogue.objectives().size());
    assertThat(jdbc.sql("select count(*) from return_event where cycle_key = ? and event = 'signed-off'")
        .param(CYCLE).query(Integer.class).single()).isEqualTo(catalogue.objectives().size());
    assertThat(jdbc.sql("select count(*) from pack_version where cycle_key = ?").param(CYCLE).query(Integer.class).single())
        .isOne();
  }

  @Test
  void aSignOffInTheMomentTheSesLeadIsToldIsAccepted() {
    // each SES lead signs off in the moment the return is submitted, while the steps that tell them
    // run on the same return: a collision the server tries again, never a 409 for the user
    Rest rest = new Rest(port);
    String cycle = "2036-37-Q3";
    assertThat(rest.startCycle("ses.coordinator", "2036-37 Q3", "2037-01-15", "2037-02-01").status()).isEqualTo(200);
    for (Catalogue.Objective objective : catalogue.objectives()) {
      String key = cycle + "/" + objective.id();
      submit(rest, key, objective);
      String signOff = Rest.waitFor(() -> {
        var tasks = rest.get(objective.sesLead(), "/engine-rest/task?maxResults=10&processInstanceBusinessKey="
            + key.replace("/", "%2F")).json();
        return tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
      }, "the sign-off of " + key);
      var done = rest.complete(objective.sesLead(), signOff, Map.of("approved", true));
      assertThat(done.status()).as(objective.id() + ": " + done.body()).isEqualTo(204);
    }
    assertThat(jdbc.sql("select count(*) from objective_return where cycle_key = ? and status = 'signed-off'")
        .param(cycle).query(Integer.class).single()).isEqualTo(catalogue.objectives().size());
  }

  @Test
  void theSameSignOffSentTwiceAtOnceIsStoredOnceAndTheSecondIsToldWhy() throws Exception {
    // a person's change that truly conflicts (a double click, or the same task in two tabs): the
    // server tries the second again, and then it meets the first, a plain answer and no "try again"
    Rest rest = new Rest(port);
    String cycle = "2036-37-Q4";
    assertThat(rest.startCycle("ses.coordinator", "2036-37 Q4", "2037-04-15", "2037-05-01").status()).isEqualTo(200);
    Catalogue.Objective objective = catalogue.objectives().get(0);
    String key = cycle + "/" + objective.id();
    submit(rest, key, objective);
    String signOff = rest.task(objective.sesLead(), key).get("id").asText();
    Callable<Rest.Response> click = () -> rest.complete(objective.sesLead(), signOff, Map.of("approved", true));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Rest.Response> answers;
    try {
      answers = pool.invokeAll(List.of(click, click)).stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    } finally {
      pool.shutdown();
    }
    System.out.println("ConcurrentSignOffIT: the same sign-off twice: " + answers);
    assertThat(answers).extracting(Rest.Response::status).containsOnlyOnce(204);
    Rest.Response second = answers.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
    assertThat(second.status()).as(second.body()).isEqualTo(404);
    assertThat(second.json().get("message").asText()).doesNotContain("try again").contains("no longer open");
    assertThat(jdbc.sql("""
        select count(*) from return_submission s join objective_return r on r.id = s.return_id
        where r.cycle_key = ? and r.objective_id = ? and s.decision = 'approved'""")
        .params(cycle, objective.id()).query(Integer.class).single()).isOne();
  }

  /** The lead opens the return and submits it. */
  private static void submit(Rest rest, String key, Catalogue.Objective objective) {
    String taskId = rest.task(objective.projectLead(), key).get("id").asText();
    var rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(objective.projectLead(), taskId), "kpis"));
    assertThat(rest.complete(objective.projectLead(), taskId,
        Map.of("overallStatus", "green", "commentary", "On track", "kpis", rows)).status()).isEqualTo(204);
  }
}
