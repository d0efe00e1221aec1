package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same quarter for a strategy the tests make up: every KPI type, a calendar financial year,
 * no history, and a person who is the project lead of one objective and the SES lead of the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ses.catalogue=classpath:catalogue/made-up.yaml",
    "ses.history=",
    // under the postgres profile, a database of its own: its users and groups differ from Sefton's
    "SES_DB_NAME=ses_alt"})
class MadeUpCatalogueIT {

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void personInTwoRolesCompletesOneReturnAndSignsOffTheOther() throws java.io.IOException {
    Rest rest = new Rest(port);
    var scenario = new CycleScenario(rest, catalogue, "2025-26 Q3");
    Map<String, CycleScenario.ReturnEntry> entries = Map.of(
        "jobs-and-skills", new CycleScenario.ReturnEntry("amber", "Apprentice starts are behind.\nSpend is on plan.",
            List.of(
                new CycleScenario.KpiEntry("apprentices", null, "18", "amber", "Behind the profile"),
                new CycleScenario.KpiEntry("employer-satisfaction", null, "87.5", "green", "Survey of 40 employers"),
                new CycleScenario.KpiEntry("grant-spend", null, "125000.50", "green", "Half spent"),
                new CycleScenario.KpiEntry("skills-hub-open", null, "no", "red", "Fit-out delayed"),
                new CycleScenario.KpiEntry(null, "Careers fairs held", "2", "green", "Added by the lead"))),
        "riverside-places", new CycleScenario.ReturnEntry("green", "Works <on> track & on budget.",
            List.of(
                new CycleScenario.KpiEntry("masterplan", null, "Consultation closed", "green", ""),
                new CycleScenario.KpiEntry("footfall", null, "better", "green", "Up 4% on last year"),
                new CycleScenario.KpiEntry("quay-works", null, "", "amber", "Piling complete; <script>x</script>"))));

    scenario.start("2025-10-10", "2025-10-30");
    var form = scenario.submit(catalogue.requireObjective("jobs-and-skills"), entries.get("jobs-and-skills"));
    assertThat(form.has("previousStatus")).isFalse();
    assertThat(Rest.jsonValue(form, "returnHeader").get("reportDate").asText()).isEqualTo("Jul-Sep 2025");
    scenario.submit(catalogue.requireObjective("riverside-places"), entries.get("riverside-places"));

    // Pat signs off the objective they lead as SES lead, and sees both kinds of task
    // (each task appears once the message announcing it has gone: a job of its own)
    var patTasks = tasksOf(rest, "pat.tworoles", 1);
    assertThat(Rest.texts(patTasks, "taskDefinitionKey")).containsExactly("userTask_signOffReturn");
    scenario.decide(catalogue.requireObjective("jobs-and-skills"), false, "Say when the hub opens");
    patTasks = tasksOf(rest, "pat.tworoles", 2);
    assertThat(Rest.texts(patTasks, "taskDefinitionKey"))
        .containsExactlyInAnyOrder("userTask_completeReturn", "userTask_signOffReturn");
    scenario.submit(catalogue.requireObjective("jobs-and-skills"), entries.get("jobs-and-skills"));
    scenario.decide(catalogue.requireObjective("riverside-places"), true, null);
    scenario.decide(catalogue.requireObjective("jobs-and-skills"), true, null);

    // the coordinator finds a mistake in the pack and reopens one return
    var review = rest.task("riverside.coordinator", scenario.cycleKey(), "userTask_reviewPack");

    // the engine's history keeps no copy of the forms' data nor of the sign-off's answer: the
    // application keeps every submitted version and every decision (in its audit), and the pack under
    // review is in its tables
    var jobsInstances = rest.get("admin", "/engine-rest/history/process-instance?maxResults=10"
        + "&processInstanceBusinessKey=" + scenario.cycleKey() + "/jobs-and-skills");
    assertThat(jobsInstances.json()).as(jobsInstances.body()).hasSize(1);
    String jobsInstance = jobsInstances.json().get(0).get("id").asText();
    var formData = List.of("returnHeader", "kpis", "overallStatus", "commentary", "previousStatus",
        "approved", "signOffComment");
    assertThat(Rest.texts(rest.get("admin", "/engine-rest/history/variable-instance?maxResults=100&includeDeleted=true"
        + "&processInstanceId=" + jobsInstance).json(), "name"))
        .doesNotContainAnyElementsOf(formData);
    assertThat(Rest.texts(rest.get("admin", "/engine-rest/history/detail?maxResults=100&processInstanceId="
        + jobsInstance).json(), "variableName"))
        .doesNotContainAnyElementsOf(formData);
    var decisions = java.util.stream.StreamSupport.stream(
            rest.get("riverside.coordinator", "/api/cycles/" + scenario.cycleKey() + "/audit").json().spliterator(), false)
        .filter(e -> e.get("objective").asText().equals("jobs-and-skills")).toList();
    assertThat(decisions).extracting(e -> e.get("event").asText())
        .containsSubsequence("sent-back", "signed-off");
    assertThat(decisions).filteredOn(e -> e.get("event").asText().equals("sent-back"))
        .extracting(e -> e.at("/after/comment").asText()).containsExactly("Say when the hub opens");
    assertThat(Rest.texts(rest.get("admin", "/engine-rest/history/variable-instance?maxResults=100&includeDeleted=true"
        + "&processInstanceId=" + review.get("processInstanceId").asText()).json(), "name"))
        .contains("period").doesNotContain("packForm");
    var refused = rest.complete("riverside.coordinator", review.get("id").asText(), Map.of("packApproved", false));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("packReviewComment: is required")
        .contains("reopenObjectives: name at least one objective");
    var unknown = rest.complete("riverside.coordinator", review.get("id").asText(), Map.of("packApproved", false,
        "reopenObjectives", Rest.JSON.createArrayNode().add("riverside-places").add("nowhere"),
        "packReviewComment", "Check the figures"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("reopenObjectives: unknown objective 'nowhere'");
    var reopened = rest.complete("riverside.coordinator", review.get("id").asText(), Map.of("packApproved", false,
        "reopenObjectives", "riverside-places", "packReviewComment", "Footfall should say how it was measured"));
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(204);
    var again = rest.task("lou.lead", scenario.cycleKey() + "/riverside-places");
    var header = Rest.jsonValue(rest.formVariables("lou.lead", again.get("id").asText()), "returnHeader");
    assertThat(header.get("sentBackComment").asText()).isEqualTo("Footfall should say how it was measured");
    assertThat(rest.get("riverside.coordinator", "/api/cycles/" + scenario.cycleKey()).json().get("status").asText())
        .isEqualTo("collecting");
    scenario.submit(catalogue.requireObjective("riverside-places"), entries.get("riverside-places"));
    scenario.decide(catalogue.requireObjective("riverside-places"), true, null);

    scenario.reviewAndPresent("2025-10-30", "Agreed.");
    assertThat(jdbc.sql("select max(version) from pack_version where cycle_key = ?").param(scenario.cycleKey())
        .query(Integer.class).single()).as("compiled, compiled again after the correction, and with the executive summary")
        .isEqualTo(3);
    var pack = scenario.checkPack("riverside.board", entries, Map.of());
    assertThat(pack.getElementById("riverside-places").selectFirst("h2").text()).isEqualTo("Riverside places <& squares>");
    assertThat(pack.select("script")).isEmpty();
    // the made-up council's own cover: its logo (the file beside the catalogue), name and colour
    assertThat(pack.select(".cover img.logo").attr("alt")).isEqualTo("Riverside Borough Council logo");
    assertThat(java.util.Base64.getDecoder().decode(pack.select(".cover img.logo").attr("src").replace("data:image/png;base64,", "")))
        .isEqualTo(new org.springframework.core.io.ClassPathResource("catalogue/made-up-logo.png").getContentAsByteArray());
    assertThat(pack.select(".cover .organisation").text()).isEqualTo("Riverside Borough Council");
    assertThat(pack.select("head style").last().data()).contains("background-color: #005a4e");
    assertThat(pack.getElementById("jobs-and-skills").text()).contains("£125,000.5").contains("87.5%").contains("£250,000");
    assertThat(pack.getElementById("riverside-places").text()).contains("Town centre footfall (1.2m (2023))");
  }

  private static com.fasterxml.jackson.databind.JsonNode tasksOf(Rest rest, String user, int count) {
    return Rest.waitFor(() -> {
      var tasks = rest.get(user, "/engine-rest/task?maxResults=100").json();
      return tasks.size() >= count ? tasks : null;
    }, count + " tasks for " + user);
  }
}
