package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.returns.ReturnInstances;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The step that checks whether every return is in also issues a return the batches missed (as
 * when the returns to collect changed while the batches ran): its record says issued, but no
 * instance runs for it. Batches miss a return only in a race between them, so this test makes the
 * miss by ending one return's instance and runs the check as the cycle's step does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuingIT {

  private static final String CYCLE = "2053-54-Q3";
  private static final String LEAD = "stephanie.jukes";

  @LocalServerPort
  int port;

  @Autowired
  CycleService cycles;

  @Autowired
  ReturnInstances instances;

  @Autowired
  RuntimeService runtime;

  @Autowired
  Catalogue catalogue;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aReturnTheBatchesMissedIsIssuedByTheCheck() {
    Rest rest = new Rest(port);
    assertThat(rest.startCycle("ses.coordinator", "2053-54 Q3", "2054-01-15", "2054-02-01").status()).isEqualTo(200);
    var running = Rest.waitFor(() -> {
      var now = instances.running(CYCLE);
      return now.size() == catalogue.objectives().size() ? now : null;
    }, "every return issued");
    rest.task(LEAD, CYCLE + "/net-zero");

    runtime.deleteProcessInstance(running.get("net-zero"), "a return the batches missed", true, true);
    assertThat(instances.running(CYCLE)).doesNotContainKey("net-zero");

    assertThat(cycles.everyReturnIn(CYCLE, cycles.require(CYCLE).processInstanceId())).isFalse();
    assertThat(instances.running(CYCLE)).containsKey("net-zero").hasSize(catalogue.objectives().size());
    assertThat(rest.task(LEAD, CYCLE + "/net-zero").get("taskDefinitionKey").asText())
        .isEqualTo("userTask_completeReturn");
    assertThat(rest.get("ses.coordinator", "/api/cycles/" + CYCLE).json().get("status").asText()).isEqualTo("collecting");

    // cancelled, so that its open returns do not stay in the leads' task lists for the suite's other
    // tests (on PostgreSQL they share one database), by the administrator once no job of it is due
    String instance = cycles.require(CYCLE).processInstanceId();
    Rest.waitForNoJobDue(jdbc, CYCLE);
    assertThat(rest.delete("admin", "/engine-rest/process-instance/" + instance).status()).isEqualTo(204);
    Rest.waitFor(() -> instances.running(CYCLE).isEmpty() ? true : null, "the cycle's returns to end with it");
  }
}
