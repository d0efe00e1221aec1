package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Period;
import org.sesreturns.reminders.Deadlines;
import org.sesreturns.reminders.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deadlines in working days: a cycle started without a due date gets one from the end of its
 * quarter; each return task carries its due date and its follow-up date (the first reminder);
 * Tasklist's filters show coordinators the overdue returns and each lead the returns due soon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlinesIT {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final String LEAD = "mike.mullin";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Deadlines deadlines;

  @Autowired
  WorkingDays workingDays;

  @Test
  void returnsAreDueInWorkingDaysAndTasklistShowsWhatIsLateAndWhatIsDueSoon() {
    Rest rest = new Rest(port);
    LocalDate today = LocalDate.now(UK);

    // started without a due date: 15 working days after the quarter (Apr-Jun 2045) ends
    var later = rest.post("ses.coordinator", "/engine-rest/process-definition/key/quarterlyCycleProcess/submit-form",
        Rest.variables(Map.of("period", "2045-46 Q1", "boardMeeting", "2045-09-01")));
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    LocalDate computed = deadlines.returnsDue(Period.parse("2045-46 Q1"), Month.APRIL);
    assertThat(computed).isEqualTo(workingDays.after(LocalDate.of(2045, 6, 30), 15));
    assertThat(jdbc.sql("select returns_due from cycle where cycle_key = '2045-46-Q1'").query(LocalDate.class).single())
        .isEqualTo(computed);
    var deadline = rest.get("ses.coordinator", "/api/deadlines?period=2045-46%20Q1");
    assertThat(deadline.json().get("returnsDue").asText()).isEqualTo(computed.toString());
    assertThat(rest.get(LEAD, "/api/deadlines?period=2045-46%20Q1").status()).isEqualTo(403);

    JsonNode task = rest.task(LEAD, "2045-46-Q1/business-growth");
    assertThat(OffsetDateTime.parse(task.get("due").asText(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(UK).toLocalDateTime()).isEqualTo(computed.atTime(17, 0));
    assertThat(OffsetDateTime.parse(task.get("followUp").asText(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(UK).toLocalDate()).isEqualTo(workingDays.before(computed, 5));

    // one cycle whose returns were due yesterday, one whose returns are due in two working days; each of a
    // quarter gone by, as a cycle's dates fall after its quarter began and within a year of its end
    LocalDate overdue = workingDays.before(today, 1);
    String overduePeriod = OVERDUE_PERIOD;
    assertThat(rest.startCycle("ses.coordinator", overduePeriod, overdue.toString(), today.plusDays(30).toString()).status())
        .isEqualTo(200);
    LocalDate soon = workingDays.after(today, 2);
    String soonPeriod = SOON_PERIOD;
    assertThat(rest.startCycle("ses.coordinator", soonPeriod, soon.toString(), today.plusDays(40).toString()).status())
        .isEqualTo(200);

    // (each task appears once the message announcing it has gone: a job of its own)
    // (other tests' cycles may share the database: only this test's cycles are counted)
    List<String> late = Rest.waitFor(() -> {
      List<String> keys = mine(keys(rest, "ses.coordinator", "Overdue returns"));
      return keys.size() == 11 ? keys : null;
    }, "11 overdue returns");
    assertThat(late).allMatch(k -> k.startsWith(overduePeriod.replace(' ', '-') + "/"));
    assertThat(filterId(rest, LEAD, "Overdue returns")).as("leads do not get the coordinators' filter").isNull();

    List<String> dueSoon = Rest.waitFor(() -> {
      List<String> keys = mine(keys(rest, LEAD, "My returns due soon"));
      return keys.isEmpty() ? null : keys;
    }, "a return due soon");
    assertThat(dueSoon).containsExactly(soonPeriod.replace(' ', '-') + "/business-growth");
  }

  @Test
  void datesTypedTheUkWayAreRead() {
    Rest rest = new Rest(port);
    var started = rest.startCycle("ses.coordinator", "2047-48 Q1", "15/7/2047", " 01/08/2047 ");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(jdbc.sql("select returns_due from cycle where cycle_key = '2047-48-Q1'").query(LocalDate.class).single())
        .isEqualTo(LocalDate.of(2047, 7, 15));
    assertThat(jdbc.sql("select board_meeting from cycle where cycle_key = '2047-48-Q1'").query(LocalDate.class).single())
        .isEqualTo(LocalDate.of(2047, 8, 1));
  }

  private static List<String> keys(Rest rest, String user, String filter) {
    String id = filterId(rest, user, filter);
    assertThat(id).as(filter + " for " + user).isNotNull();
    JsonNode tasks = rest.get(user, "/engine-rest/filter/" + id + "/list?maxResults=500").json();
    return StreamSupport.stream(tasks.spliterator(), false)
        .map(t -> rest.get("admin", "/engine-rest/process-instance/" + t.get("processInstanceId").asText()).json()
            .get("businessKey").asText())
        .sorted().toList();
  }

  /** The two quarters before the one under way (Sefton's year starts in April). */
  private static final String OVERDUE_PERIOD = seftonQuarterOf(LocalDate.now(UK).minusMonths(3));
  private static final String SOON_PERIOD = seftonQuarterOf(LocalDate.now(UK).minusMonths(6));

  private static String seftonQuarterOf(LocalDate day) {
    int startYear = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    return "%d-%02d Q%d".formatted(startYear, (startYear + 1) % 100, (day.getMonthValue() + 8) % 12 / 3 + 1);
  }

  private static List<String> mine(List<String> keys) {
    return keys.stream().filter(k -> k.startsWith("2045-46-") || k.startsWith(OVERDUE_PERIOD.replace(' ', '-') + "/")
        || k.startsWith(SOON_PERIOD.replace(' ', '-') + "/")).toList();
  }

  private static String filterId(Rest rest, String user, String name) {
    JsonNode filters = rest.get(user, "/engine-rest/filter?maxResults=50").json();
    return StreamSupport.stream(filters.spliterator(), false).filter(f -> f.get("name").asText().equals(name))
        .map(f -> f.get("id").asText()).findFirst().orElse(null);
  }
}
