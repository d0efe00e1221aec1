package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A cycle started by mistake and cancelled in Cockpit frees its period; what was stored stays. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleCancellationIT {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Test
  void cancelledCycleCanBeStartedAgainAndKeepsSubmissions() {
    Rest rest = new Rest(port);
    var started = rest.startCycle("ses.coordinator", "2034-35 Q1", "2034-07-15", "2034-08-01");
    assertThat(started.status()).isEqualTo(200);
    String instance = started.json().get("id").asText();

    // one return is submitted before the cycle is cancelled
    String taskId = rest.task("lee.payne", "2034-35-Q1/places-housing").get("id").asText();
    var rows = Rest.filledIn(Rest.jsonValue(rest.formVariables("lee.payne", taskId), "kpis"));
    assertThat(rest.complete("lee.payne", taskId, Map.of("overallStatus", "green", "commentary", "Fine",
        "kpis", rows)).status()).isEqualTo(204);

    // coordinators may not cancel a cycle; an administrator may, in Cockpit or over REST (once the
    // messages of the returns are out: a cancellation while they are being sent would collide)
    Rest.waitForNoJobDue(jdbc, "2034-35-Q1");
    assertThat(rest.delete("ses.coordinator", "/engine-rest/process-instance/" + instance).status()).isIn(403, 404);
    assertThat(rest.delete("admin", "/engine-rest/process-instance/" + instance).status()).isEqualTo(204);
    assertThat(status()).isEqualTo("cancelled");
    assertThat(rest.get("ses.coordinator", "/engine-rest/process-instance?maxResults=100&businessKeyLike=2034-35-Q1%25").json().size())
        .isZero();

    var again = rest.startCycle("ses.coordinator", "2034-35 Q1", "2034-07-20", "2034-08-05");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(status()).isEqualTo("collecting");
    assertThat(jdbc.sql("select returns_due from cycle where cycle_key = '2034-35-Q1'").query(String.class).single())
        .startsWith("2034-07-20");
    // the submitted return comes back to its lead with the entries kept
    String reissued = rest.task("lee.payne", "2034-35-Q1/places-housing").get("id").asText();
    var form = rest.formVariables("lee.payne", reissued);
    assertThat(Rest.jsonValue(form, "kpis").get(0).get("achieved").asText()).isEqualTo("5");
    Rest.waitFor(() -> rest.get("ses.coordinator", "/engine-rest/task?maxResults=100&processInstanceBusinessKeyLike=2034-35-Q1%25")
        .json().size() == 11 ? true : null, "the 11 reissued returns' tasks");
  }

  private String status() {
    return jdbc.sql("select status from cycle where cycle_key = '2034-35-Q1'").query(String.class).single();
  }
}
