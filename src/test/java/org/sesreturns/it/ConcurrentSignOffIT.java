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
 * because another return of the same cycle ended at the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSignOffIT {

  private static final String CYCLE = "2036-37-Q1";

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  @Test
  void simultaneousSignOffsAreAllAccepted() throws Exception {
    Rest rest = new Rest(port);
    assertThat(rest.startCycle("ses.coordinator", "2036-37 Q1", "2036-07-15", "2036-08-01").status()).isEqualTo(200);
    for (Catalogue.Objective objective : catalogue.objectives()) {
      String key = CYCLE + "/" + objective.id();
      String taskId = rest.task(objective.projectLead(), key).get("id").asText();
      var rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(objective.projectLead(), taskId), "kpis"));
      assertThat(rest.complete(objective.projectLead(), taskId,
          Map.of("overallStatus", "green", "commentary", "On track", "kpis", rows)).status()).isEqualTo(204);
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
    var review = rest.task("ses.coordinator", CYCLE);
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("userTask_reviewPack");
  }
}
