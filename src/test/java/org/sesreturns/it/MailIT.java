package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sesreturns.reminders.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cycle's messages through a real SMTP server (GreenMail): who is told what, with both parts
 * and the links, markup a user typed arriving as text; and a mail server that goes down loses
 * nothing and sends nothing twice. The made-up strategy: Lou completes riverside places, Pat signs
 * it off; Pat completes jobs and skills, Sam signs it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ses.catalogue=classpath:catalogue/made-up.yaml",
    "ses.history=",
    "SES_DB_NAME=ses_alt",
    "spring.mail.host=localhost",
    "spring.mail.port=3025",
    "ses.mail.base-url=https://returns.example.org"})
class MailIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Deadlines deadlines;

  @Test
  void eachStepTellsThePersonWhoseTurnItIs() throws Exception {
    Rest rest = new Rest(port);
    String cycle = start(rest, "2031-32 Q1");

    MimeMessage issued = receivedBy("lou@example.org", "Your return for Riverside places");
    assertThat(issued.getSubject()).startsWith("[Riverside Growth Plan] Your return for Riverside places <& squares> is due on");
    assertThat(issued.getFrom()[0].toString()).isEqualTo("ses-returns@localhost");
    // the link opens Lou's task itself in Tasklist
    String taskLink = "https://returns.example.org/camunda/app/tasklist/default/#/?task="
        + rest.task("lou.lead", cycle + "/riverside-places").get("id").asText();
    assertThat(text(issued)).contains("Dear Lou Lead,").contains(taskLink).contains("Pat Two-Roles signs it off");
    assertThat(html(issued)).contains("href=\"" + taskLink + "\"");
    receivedBy("pat@example.org", "Your return for Jobs & skills");

    submit(rest, "lou.lead", cycle + "/riverside-places");
    MimeMessage toSignOff = receivedBy("pat@example.org", "To sign off: the return for Riverside places");
    JsonNode signOffTask = rest.task("pat.tworoles", cycle + "/riverside-places");
    // the sign-off is due the day the ladder reminds the SES lead: the message and Tasklist say the same day
    LocalDate signOffDue = deadlines.signOffReminder(LocalDate.now(ZoneId.of("Europe/London")));
    assertThat(text(toSignOff)).contains("Lou Lead has submitted").contains("overall status Amber")
        .contains("Please sign it off by " + signOffDue.format(DAY) + ", or send it back")
        .contains("#/?task=" + signOffTask.get("id").asText());
    assertThat(html(toSignOff)).contains("sign it off by <strong>" + signOffDue.format(DAY) + "</strong>");
    assertThat(OffsetDateTime.parse(signOffTask.get("due").asText(), ENGINE_DATE).atZoneSameInstant(
        ZoneId.of("Europe/London")).toLocalDateTime()).isEqualTo(signOffDue.atTime(17, 0));

    String comment = "<b>Add</b> the quay date & the cost <script>alert(1)</script>";
    var signOff = rest.task("pat.tworoles", cycle + "/riverside-places");
    assertThat(rest.complete("pat.tworoles", signOff.get("id").asText(),
        Map.of("approved", false, "signOffComment", comment)).status()).isEqualTo(204);
    MimeMessage sentBack = receivedBy("lou@example.org", "Sent back: your return for Riverside places");
    assertThat(text(sentBack)).contains(comment).contains("Pat Two-Roles has sent back");
    assertThat(html(sentBack)).doesNotContain("<b>Add</b>").doesNotContain("<script>")
        .contains("&lt;b&gt;Add&lt;/b&gt; the quay date &amp; the cost &lt;script&gt;");

    String commentary = "Piling has started.\nThe quay <script>alert('quay')</script> opens in June & costs less.";
    submit(rest, "lou.lead", cycle + "/riverside-places", commentary);
    var again = rest.task("pat.tworoles", cycle + "/riverside-places");
    assertThat(rest.complete("pat.tworoles", again.get("id").asText(), Map.of("approved", true)).status()).isEqualTo(204);
    MimeMessage signedOff = receivedBy("lou@example.org", "Signed off: your return for Riverside places");
    // its link shows the return as signed off (there is no task left to open), to Lou, Pat and the
    // coordinators; the commentary as written, escaped; nobody else reads it
    String returnLink = "https://returns.example.org/ses/returns/" + cycle + "/riverside-places";
    assertThat(text(signedOff)).contains(returnLink);
    assertThat(html(signedOff)).contains("href=\"" + returnLink + "\"");
    String page = returnLink.substring("https://returns.example.org".length());
    // followed from a mail client into the browser logged in to the webapps (the page takes no password)
    for (String reader : List.of("lou.lead", "pat.tworoles", "riverside.coordinator")) {
      var shown = WebappSession.login(port, reader, Rest.PASSWORD, "welcome").get(page);
      assertThat(shown.status()).as(reader).isEqualTo(200);
      assertThat(shown.body()).as(reader).contains("Return for Riverside places &lt;&amp; squares&gt;")
          .contains("Signed off: it goes into the board pack as shown here.")
          .contains("Lou Lead, " + LocalDate.now(ZoneId.of("Europe/London")).format(DAY) + " at ")
          .contains("Pat Two-Roles, " + LocalDate.now(ZoneId.of("Europe/London")).format(DAY) + " at ")
          .contains("The quay &lt;script&gt;alert(&#39;quay&#39;)&lt;/script&gt; opens in June &amp; costs less.")
          .doesNotContain("<script>alert");
    }
    // the board and another objective's SES lead are told it is not theirs; nobody logged in, to log in
    for (String stranger : List.of("riverside.board", "sam.ses")) {
      var refused = WebappSession.login(port, stranger, Rest.PASSWORD, "welcome").get(page);
      assertThat(refused.status()).as(stranger).isEqualTo(403);
      assertThat(refused.body()).as(stranger).contains("shown to its project lead, its SES lead and the coordinators only")
          .doesNotContain("Piling has started").doesNotContain("Lou Lead");
    }
    var anonymous = WebappSession.anonymous(port).get(page);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Log in to read this return").doesNotContain("Piling has started");
    assertThat(WebappSession.login(port, "lou.lead", Rest.PASSWORD, "welcome").get("/ses/returns/" + cycle + "/nowhere")
        .status()).isEqualTo(404);
    // the first message's link, followed after Pat sent the return back: who did it and when, in
    // words, on the engine's API and on the webapps' copy of it that Tasklist reads
    String done = signOffTask.get("id").asText();
    String today = LocalDate.now(ZoneId.of("Europe/London")).format(DAY);
    for (Rest.Spelling spelling : List.of(Rest.Spelling.all().get(0), Rest.Spelling.all().get(Rest.Spelling.all().size() - 3))) {
      var followed = rest.spelt(spelling).get("pat.tworoles", "/engine-rest/task/" + done);
      assertThat(followed.status()).as(spelling.name()).isEqualTo(404);
      assertThat(followed.json().get("message").asText()).as(spelling.name())
          .startsWith("No matching task is open: 'Sign off KPI return: Riverside places <& squares>' was completed by"
              + " Pat Two-Roles on " + today + " at ")
          .doesNotContain(done);
    }
    // to someone the task was never theirs, no names
    var stranger = rest.get("lou.lead", "/engine-rest/task/" + done);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.json().get("message").asText()).startsWith("No matching task is open: there is nothing")
        .doesNotContain("Pat");
    assertThat(count("pat@example.org", "To sign off: the return for Riverside places")).as("one per submission").isEqualTo(2);

    // the coordinators read every message of the cycle; nobody else does
    JsonNode messages = rest.get("riverside.coordinator", "/api/cycles/" + cycle + "/messages").json();
    assertThat(messages.size()).isEqualTo(6);
    assertThat(StreamSupport.stream(messages.spliterator(), false).map(m -> m.get("kind").asText()))
        .containsExactly("return-issued", "return-issued", "awaiting-sign-off", "return-sent-back", "awaiting-sign-off",
            "return-signed-off");
    assertThat(messages).allSatisfy(m -> assertThat(m.get("sentAt").isNull()).isFalse());
    assertThat(messages.get(0).get("text").asText()).contains("is yours to complete");
    for (String user : List.of("lou.lead", "pat.tworoles", "riverside.board")) {
      assertThat(rest.get(user, "/api/cycles/" + cycle + "/messages").status()).as(user).isEqualTo(403);
    }
  }

  @Test
  void aCoordinatorChasesALeadAtAnyTime() throws Exception {
    Rest rest = new Rest(port);
    String cycle = start(rest, "2031-32 Q3");
    String path = "/api/cycles/" + cycle + "/returns/riverside-places/chase";
    receivedBy("lou@example.org", "Your return for Riverside places");

    assertThat(rest.post("lou.lead", path, Map.of()).status()).isEqualTo(403);
    assertThat(rest.post("pat.tworoles", path, Map.of()).status()).isEqualTo(403);
    assertThat(rest.post(null, path, Map.of()).status()).isEqualTo(401);
    var chased = rest.post("riverside.coordinator", path, Map.of());
    assertThat(chased.status()).as(chased.body()).isEqualTo(202);
    MimeMessage reminder = receivedBy("lou@example.org", "Reminder: your return for Riverside places");
    assertThat(text(reminder)).contains("A reminder from the coordinator").contains("is still waiting for you");
    assertThat(rest.post("riverside.coordinator", path, Map.of()).status()).isEqualTo(202);
    Rest.waitFor(() -> count("lou@example.org", "Reminder: your return for Riverside places") == 2 ? true : null,
        "a second chaser");

    // the return stays Lou's to complete; once submitted there is nothing to chase
    submit(rest, "lou.lead", cycle + "/riverside-places");
    var nothingToChase = rest.post("riverside.coordinator", path, Map.of());
    assertThat(nothingToChase.status()).isEqualTo(409);
    assertThat(rest.post("riverside.coordinator", "/api/cycles/" + cycle + "/returns/nowhere/chase", Map.of()).status())
        .isEqualTo(404);
    // the webapps' session reads the application's API, and changes something only with the
    // session's XSRF token, as the webapps send it (the Cockpit progress board's chaser): another
    // site's page, which cannot read the token, changes nothing
    WebappSession coordinator = WebappSession.login(port, "riverside.coordinator", Rest.PASSWORD, "cockpit");
    assertThat(coordinator.get("/api/cycles/" + cycle).status()).isEqualTo(200);
    String jobs = "/api/cycles/" + cycle + "/returns/jobs-and-skills/chase";
    assertThat(coordinator.postWithoutToken(jobs, "{}").status()).isEqualTo(401);
    JsonNode messages = rest.get("riverside.coordinator", "/api/cycles/" + cycle + "/messages").json();
    assertThat(StreamSupport.stream(messages.spliterator(), false).filter(m -> m.get("kind").asText().equals("return-chased")))
        .hasSize(2);
    assertThat(coordinator.post(jobs, "{}").status()).isEqualTo(202);
    Rest.waitFor(() -> StreamSupport.stream(rest.get("riverside.coordinator", "/api/cycles/" + cycle + "/messages").json()
        .spliterator(), false).filter(m -> m.get("kind").asText().equals("return-chased")).count() == 3 ? true : null,
        "the chaser sent from the session");
  }

  @Test
  void aMailServerThatIsDownLosesNothingAndSendsNothingTwice() throws Exception {
    Rest rest = new Rest(port);
    String cycle = start(rest, "2031-32 Q2");
    receivedBy("lou@example.org", "Your return for Riverside places");
    // both leads told before the server goes: a message still queued then would wait for its retry
    receivedBy("pat@example.org", "Your return for Jobs & skills");

    smtp.stop();
    // the submission commits whatever the mail server does
    submit(rest, "lou.lead", cycle + "/riverside-places");
    assertThat(jdbc.sql("select status from objective_return where cycle_key = ? and objective_id = 'riverside-places'")
        .param(cycle).query(String.class).single()).isEqualTo("submitted");

    // the send step fails, and fails again when retried, until it is an incident in Cockpit
    String instance = rest.get("admin", "/engine-rest/process-instance?maxResults=1&businessKey=" + cycle + "%2Friverside-places")
        .json().get(0).get("id").asText();
    JsonNode job = Rest.waitFor(() -> {
      JsonNode jobs = rest.get("admin", "/engine-rest/job?maxResults=5&activityId=serviceTask_tellSesLeadAwaitingSignOff"
          + "&processInstanceId=" + instance).json();
      return jobs.size() > 0 && !jobs.get(0).path("exceptionMessage").isNull() ? jobs.get(0) : null;
    }, "the send step to fail");
    assertThat(job.get("exceptionMessage").asText()).contains("pat@example.org");
    String jobId = job.get("id").asText();
    while (rest.get("admin", "/engine-rest/job/" + jobId).json().get("retries").asInt() > 0) {
      rest.post("admin", "/engine-rest/job/" + jobId + "/execute", Map.of());
    }
    assertThat(rest.get("admin", "/engine-rest/incident?maxResults=5&processInstanceId=" + instance).json().size()).isOne();
    assertThat(jdbc.sql("select count(*) from message where cycle_key = ? and kind = 'awaiting-sign-off' and sent_at is null")
        .param(cycle).query(Integer.class).single()).as("queued, not sent").isOne();

    // the server is back; retrying the incident, as Cockpit does, sends the message once
    smtp.start();
    assertThat(rest.put("admin", "/engine-rest/job/" + jobId + "/retries", Map.of("retries", 1)).status()).isEqualTo(204);
    assertThat(rest.post("admin", "/engine-rest/job/" + jobId + "/execute", Map.of()).status()).isEqualTo(204);
    receivedBy("pat@example.org", "To sign off: the return for Riverside places");
    assertThat(rest.task("pat.tworoles", cycle + "/riverside-places").get("taskDefinitionKey").asText())
        .isEqualTo("userTask_signOffReturn");
    Thread.sleep(1_000); // nothing else should arrive
    assertThat(count("pat@example.org", "To sign off: the return for Riverside places")).isOne();
    assertThat(jdbc.sql("select count(*) from message where cycle_key = ? and sent_at is null").param(cycle)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void theLadderClimbsFromAReminderToTheCoordinatorsAndStopsWhenTheReturnIsIn() throws Exception {
    Rest rest = new Rest(port);
    String cycle = start(rest, "2030-31 Q3");
    String key = cycle + "/riverside-places";
    receivedBy("lou@example.org", "Your return for Riverside places");
    String taskLink = "https://returns.example.org/camunda/app/tasklist/default/#/?task=" + rest.task("lou.lead", key).get("id").asText();
    String instance = rest.get("admin", "/engine-rest/process-instance?maxResults=1&businessKey=" + key.replace("/", "%2F"))
        .json().get(0).get("id").asText();

    // each step comes when its timer is due; here each timer is run, as the job executor runs it on its day
    fire(rest, instance, "timer_reminderBeforeDue");
    MimeMessage dueSoon = receivedBy("lou@example.org", "Reminder: your return for Riverside places");
    assertThat(text(dueSoon)).contains("is due on Wednesday 10 July 2030")
        .contains("in 5 working days").contains(taskLink);
    fire(rest, instance, "timer_returnDueToday");
    assertThat(text(receivedBy("lou@example.org", "Due today: your return for Riverside places"))).contains("is due today");

    fire(rest, instance, "timer_returnOverdue");
    MimeMessage overdue = receivedBy("lou@example.org", "Overdue: your return for Riverside places");
    assertThat(Arrays.stream(overdue.getRecipients(Message.RecipientType.CC)).map(Object::toString))
        .as("the SES lead in copy").containsExactly("pat@example.org");
    assertThat(text(overdue)).contains("has not been received").contains("Pat Two-Roles, who signs it off, has a copy");
    // the next chaser waits its working days
    assertThat(jobs(rest, instance, "timer_nextOverdueChase")).hasSize(1);

    fire(rest, instance, "timer_returnLongOverdue");
    MimeMessage escalated = receivedBy("coord@example.org", "Escalated: the return for Riverside places");
    assertThat(escalated.getSubject()).contains("is 5 working days overdue");
    assertThat(text(escalated)).contains("Dear Riverside Coordinator,").contains("from Lou Lead").contains(taskLink);
    receivedBy("pat@example.org", "Escalated: the return for Riverside places");
    assertThat(count("lou@example.org", "Escalated")).as("the lead is chased, not escalated to").isZero();

    // submitted: the lead's ladder stops; the SES lead's shorter one begins
    submit(rest, "lou.lead", key);
    Rest.waitFor(() -> jobs(rest, instance, "timer_nextOverdueChase").isEmpty() ? true : null, "the lead's ladder to stop");
    for (String step : List.of("timer_reminderBeforeDue", "timer_returnDueToday", "timer_returnOverdue", "timer_returnLongOverdue")) {
      assertThat(jobs(rest, instance, step)).as(step).isEmpty();
    }
    receivedBy("pat@example.org", "To sign off: the return for Riverside places");
    fire(rest, instance, "timer_signOffWaiting");
    assertThat(text(receivedBy("pat@example.org", "Reminder: the return for Riverside places")))
        .contains("Lou Lead submitted").contains("waiting for your sign-off");
    fire(rest, instance, "timer_signOffLongAwaited");
    MimeMessage signOffEscalated = receivedBy("coord@example.org", "Escalated: the return for Riverside places <& squares> awaits sign-off");
    assertThat(Arrays.stream(signOffEscalated.getRecipients(Message.RecipientType.CC)).map(Object::toString))
        .containsExactly("pat@example.org");

    // sent back: the ladder starts again from the first step, the comment in the message
    var signOff = rest.task("pat.tworoles", key);
    assertThat(rest.complete("pat.tworoles", signOff.get("id").asText(),
        Map.of("approved", false, "signOffComment", "Footfall needs its source.")).status()).isEqualTo(204);
    assertThat(text(receivedBy("lou@example.org", "Sent back: your return for Riverside places")))
        .contains("Footfall needs its source.");
    Rest.waitFor(() -> jobs(rest, instance, "timer_reminderBeforeDue").size() == 1 ? true : null, "the ladder to start again");
    assertThat(jobs(rest, instance, "timer_signOffWaiting")).isEmpty();

    JsonNode messages = rest.get("riverside.coordinator", "/api/cycles/" + cycle + "/messages").json();
    assertThat(StreamSupport.stream(messages.spliterator(), false).filter(m -> m.get("objective").asText().equals("riverside-places"))
        .map(m -> m.get("kind").asText()))
        .containsExactly("return-issued", "return-due-soon", "return-due-today", "return-overdue", "return-escalated",
            "return-escalated", "awaiting-sign-off", "sign-off-reminder", "sign-off-escalated", "return-sent-back");
    JsonNode overdueRecord = StreamSupport.stream(messages.spliterator(), false)
        .filter(m -> m.get("kind").asText().equals("return-overdue")).findFirst().orElseThrow();
    assertThat(overdueRecord.get("cc").get(0).asText()).isEqualTo("pat.tworoles");
  }

  @Test
  void aRoundThatBeginsLateSkipsRemindersAlreadyPastAndASentBackReturnGetsWorkingDaysToMendIt() throws Exception {
    Rest rest = new Rest(port);
    // a quarter reported late: its returns were due in July 2024
    var started = rest.startCycle("riverside.coordinator", "2024-25 Q2", "2024-07-10", "2024-07-30");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String cycle = "2024-25-Q2";
    String key = cycle + "/riverside-places";
    MimeMessage issued = receivedBy("lou@example.org",
        "Your return for Riverside places <& squares> is already overdue: it was due on Wednesday 10 July 2024");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    LocalDate firstChase = deadlines.nextOverdueChase(today, LocalDate.of(2024, 7, 10));
    // issued after its due date: the lead is told so, and when the chasers begin
    assertThat(text(issued)).contains("It was due on Wednesday 10 July 2024, before it was issued to you, so it is already"
        + " overdue: please complete it as soon as you can. Until it is in, you will be reminded from "
        + firstChase.format(DAY) + ".");
    assertThat(html(issued)).contains("<strong>already overdue</strong>");
    // nor does its task read "Follow-up 2 years ago": it is to be followed up from when it was made
    OffsetDateTime followUp = OffsetDateTime.parse(rest.task("lou.lead", key).get("followUp").asText(), ENGINE_DATE);
    assertThat(followUp).isAfter(OffsetDateTime.now().minusMinutes(10)).isBefore(OffsetDateTime.now().plusMinutes(1));
    String instance = rest.get("admin", "/engine-rest/process-instance?maxResults=1&businessKey=" + key.replace("/", "%2F"))
        .json().get(0).get("id").asText();

    // the days of the reminders had passed when the round began: their timers fire at once, as the
    // job executor finds them due, and their steps run and say nothing
    Rest.waitFor(() -> List.of("timer_reminderBeforeDue", "timer_returnDueToday", "serviceTask_remindLeadBeforeDue",
        "serviceTask_remindLeadOnDueDate").stream().allMatch(step -> jobs(rest, instance, step).isEmpty()) ? true : null,
        "the reminders' timers and steps to run");
    assertThat(rest.get("admin", "/engine-rest/history/activity-instance?maxResults=10&processInstanceId=" + instance
        + "&activityId=serviceTask_remindLeadBeforeDue&finished=true").json().size()).as("the step ran").isOne();
    assertThat(kinds(rest, cycle)).doesNotContain("return-due-soon", "return-due-today");
    // the first chaser and the escalation come working days after the round began, not at once
    assertThat(dueDay(jobs(rest, instance, "timer_returnOverdue").get(0))).isEqualTo(deadlines.nextOverdueChase(today,
        LocalDate.of(2024, 7, 10)));
    assertThat(dueDay(jobs(rest, instance, "timer_returnLongOverdue").get(0))).isEqualTo(deadlines.escalation(today));

    // sent back now: due again five working days on, not on the day long past
    submit(rest, "lou.lead", key);
    // the SES lead's ladder counts from the day of the submission, however late the return
    assertThat(dueDay(jobs(rest, instance, "timer_signOffWaiting").get(0))).isEqualTo(deadlines.signOffReminder(today));
    assertThat(dueDay(jobs(rest, instance, "timer_signOffLongAwaited").get(0))).isEqualTo(deadlines.signOffEscalation(today));
    var signOff = rest.task("pat.tworoles", key, "userTask_signOffReturn");
    assertThat(rest.complete("pat.tworoles", signOff.get("id").asText(),
        Map.of("approved", false, "signOffComment", "Add the footfall source.")).status()).isEqualTo(204);
    LocalDate dueAgain = deadlines.resubmissionDue(today, LocalDate.of(2024, 7, 10));
    assertThat(dueAgain).isAfter(today);
    JsonNode again = rest.task("lou.lead", key, "userTask_completeReturn");
    assertThat(LocalDate.parse(again.get("due").asText().substring(0, 10))).isEqualTo(dueAgain);
    assertThat(text(receivedBy("lou@example.org", "Sent back: your return for Riverside places")))
        .contains("Add the footfall source.").contains("due on " + dueAgain.format(
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)));
  }

  private static List<String> kinds(Rest rest, String cycle) {
    return Rest.texts(rest.get("riverside.coordinator", "/api/cycles/" + cycle + "/messages").json(), "kind");
  }

  /** The UK day a job is due on. */
  private static LocalDate dueDay(JsonNode job) {
    return OffsetDateTime.parse(job.get("dueDate").asText(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
  }

  /** Runs a timer's job now, as the job executor would on its day; the message step after it runs by itself. */
  private static void fire(Rest rest, String instance, String timerId) {
    List<JsonNode> timers = Rest.waitFor(() -> {
      List<JsonNode> found = jobs(rest, instance, timerId);
      return found.isEmpty() ? null : found;
    }, "the timer " + timerId);
    assertThat(timers).hasSize(1);
    var executed = rest.post("admin", "/engine-rest/job/" + timers.get(0).get("id").asText() + "/execute", Map.of());
    assertThat(executed.status()).as(executed.body()).isEqualTo(204);
  }

  private static List<JsonNode> jobs(Rest rest, String instance, String activityId) {
    JsonNode jobs = rest.get("admin", "/engine-rest/job?maxResults=10&activityId=" + activityId + "&processInstanceId=" + instance)
        .json();
    return StreamSupport.stream(jobs.spliterator(), false).toList();
  }

  private static String start(Rest rest, String period) {
    // in July of the period's first year: within the window of its first three quarters (riverside's year starts in January)
    var started = rest.startCycle("riverside.coordinator", period, period.substring(0, 4) + "-07-10",
        period.substring(0, 4) + "-07-30");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return period.replace(' ', '-');
  }

  private static void submit(Rest rest, String lead, String key) {
    submit(rest, lead, key, "Piling has started.");
  }

  private static void submit(Rest rest, String lead, String key, String commentary) {
    JsonNode task = rest.task(lead, key);
    JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(lead, task.get("id").asText()), "kpis"));
    var done = rest.complete(lead, task.get("id").asText(),
        Map.of("overallStatus", "amber", "commentary", commentary, "kpis", rows));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static MimeMessage receivedBy(String address, String subjectPart) {
    return Rest.waitFor(() -> received(address, subjectPart).stream().reduce((a, b) -> b).orElse(null),
        "a message to " + address + " about '" + subjectPart + "'");
  }

  private static long count(String address, String subjectPart) {
    return received(address, subjectPart).size();
  }

  private static List<MimeMessage> received(String address, String subjectPart) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        boolean to = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
        if (to && message.getSubject().contains(subjectPart)) {
          found.add(message);
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  private static String text(MimeMessage message) throws Exception {
    return part(message, "text/plain");
  }

  private static String html(MimeMessage message) throws Exception {
    return part(message, "text/html");
  }

  private static String part(MimeMessage message, String type) throws Exception {
    String found = find((Multipart) message.getContent(), type);
    assertThat(found).as(type + " part of " + message.getSubject()).isNotNull();
    return found;
  }

  private static String find(Multipart multipart, String type) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested, type);
        if (found != null) {
          return found;
        }
      } else if (part.isMimeType(type)) {
        return GreenMailUtil.getBody(part).isEmpty() ? null : (String) part.getContent();
      }
    }
    return null;
  }
}
