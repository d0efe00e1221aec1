package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinators compile the pack without the returns still outstanding once they are due: the
 * missing ones are marked in the pack, not dropped; they stay open as late returns; one signed off
 * later goes into a new version while the first is still served as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ses.catalogue=classpath:catalogue/made-up.yaml",
    "ses.history=",
    "SES_DB_NAME=ses_alt"})
class LateReturnsIT {

  private static final String COORDINATOR = "riverside.coordinator";

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  @Autowired
  JdbcClient jdbc;

  @Test
  void missingReturnsAreMarkedInThePackAndALateOneGoesIntoANewVersion() throws Exception {
    Rest rest = new Rest(port);
    // returns were due in January: the coordinators may leave out those not in
    var started = rest.startCycle(COORDINATOR, "2023-24 Q2", "2024-01-10", "2024-01-30");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String cycle = "2023-24-Q2";
    String riverside = cycle + "/riverside-places";

    // Lou submits riverside places; Pat has not signed it off, and jobs and skills is not in at all
    submitRiverside(rest, riverside, "amber", "Quay works are late.");

    // the decision is the coordinators', in Tasklist, with the outstanding returns listed
    JsonNode decision = rest.task(COORDINATOR, cycle, "userTask_compileWithoutMissing");
    assertThat(decision.get("taskDefinitionKey").asText()).isEqualTo("userTask_compileWithoutMissing");
    String decisionId = decision.get("id").asText();
    JsonNode missing = Rest.jsonValue(rest.formVariables(COORDINATOR, decisionId), "missingReturns");
    assertThat(Rest.texts(missing.get("returns"), "objective")).containsExactly("Jobs & skills", "Riverside places <& squares>");
    assertThat(rest.complete("lou.lead", decisionId, Map.of("compileReason", "The board meets")).status())
        .as("not a lead's decision").isIn(403, 404);
    var noReason = rest.complete(COORDINATOR, decisionId, Map.of("compileReason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("message").asText()).contains("compileReason: is required");
    assertThat(rest.complete(COORDINATOR, decisionId, Map.of("compileReason", "The board meets on Thursday")).status())
        .isEqualTo(204);

    // version 1: both objectives there, marked as not received with their last status
    JsonNode review = rest.task(COORDINATOR, cycle, "userTask_reviewPack");
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("userTask_reviewPack");
    var first = Jsoup.parse(rest.get(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/1.html").body());
    for (Catalogue.Objective objective : catalogue.objectives()) {
      assertThat(first.getElementById(objective.id()).text()).as(objective.id()).contains("Return not received");
    }
    assertThat(jdbc.sql("select missing_objectives || '|' || compiled_by || '|' || compile_reason from pack_version"
        + " where cycle_key = ? and version = 1").param(cycle).query(String.class).single())
        .isEqualTo("jobs-and-skills,riverside-places|riverside.coordinator|The board meets on Thursday");
    assertThat(jdbc.sql("select count(*) from objective_return where cycle_key = ? and late_since is not null")
        .param(cycle).query(Integer.class).single()).isEqualTo(2);
    // the coordinators are told what the pack is missing; the leads that they are overdue, the SES lead in copy
    JsonNode messages = Rest.waitFor(() -> {
      JsonNode all = rest.get(COORDINATOR, "/api/cycles/" + cycle + "/messages").json();
      boolean told = false;
      for (JsonNode m : all) {
        told |= m.get("kind").asText().equals("return-overdue") && m.get("objective").asText().equals("jobs-and-skills");
      }
      return told ? all : null;
    }, "the late returns' leads to be told");
    assertThat(messages).anySatisfy(m -> {
      assertThat(m.get("kind").asText()).isEqualTo("pack-to-review");
      assertThat(m.get("text").asText()).contains("compiled without the returns still outstanding")
          .contains("Jobs & skills, Riverside places <& squares>").contains("/ses/review/" + cycle);
    });
    // the message's link opens the review task itself in Tasklist, made after the message was sent
    var followed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/ses/review/" + cycle)).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(followed.statusCode()).isEqualTo(302);
    assertThat(followed.headers().firstValue("Location").orElseThrow())
        .endsWith("/camunda/app/tasklist/default/#/?task=" + review.get("id").asText());
    assertThat(messages).anySatisfy(m -> {
      assertThat(m.get("kind").asText()).isEqualTo("return-overdue");
      assertThat(m.get("recipient").asText()).isEqualTo("pat.tworoles");
      assertThat(m.get("cc").get(0).asText()).isEqualTo("sam.ses");
    });

    // the late returns stay open where they stood: riverside with its SES lead, jobs with its project lead
    JsonNode signOff = rest.task("pat.tworoles", riverside);
    assertThat(signOff.get("taskDefinitionKey").asText()).isEqualTo("userTask_signOffReturn");
    assertThat(rest.task("pat.tworoles", cycle + "/jobs-and-skills").get("taskDefinitionKey").asText())
        .isEqualTo("userTask_completeReturn");

    // riverside is signed off late: a new version holds it, the first is still served as it was
    assertThat(rest.complete("pat.tworoles", signOff.get("id").asText(), Map.of("approved", true)).status()).isEqualTo(204);
    JsonNode versions = Rest.waitFor(() -> {
      JsonNode packs = rest.get(COORDINATOR, "/api/packs").json();
      for (JsonNode c : packs) {
        if (c.get("key").asText().equals(cycle) && c.get("versions").size() == 2) {
          return c.get("versions");
        }
      }
      return null;
    }, "a second version of the pack");
    assertThat(Rest.texts(versions, "version")).containsExactly("1", "2");
    var second = Jsoup.parse(rest.get(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/2.html").body());
    assertThat(second.getElementById("riverside-places").text()).doesNotContain("Return not received")
        .contains("Quay works are late.");
    assertThat(second.getElementById("jobs-and-skills").text()).contains("Return not received");
    var firstAgain = rest.download(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/1.html");
    assertThat(new String(firstAgain.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(rest.get(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/1.html").body());
    assertThat(Jsoup.parse(new String(firstAgain.body(), java.nio.charset.StandardCharsets.UTF_8))
        .getElementById("riverside-places").text()).contains("Return not received");
    for (String format : List.of("pdf", "docx", "xlsx")) {
      assertThat(rest.download(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/1." + format).statusCode()).isEqualTo(200);
      assertThat(rest.download(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/2." + format).statusCode()).isEqualTo(200);
    }

    // the review now shows version 2, and the coordinators are told; a decision on version 1, from
    // a form opened before, is refused and changes nothing
    JsonNode shown = Rest.waitFor(() -> {
      JsonNode form = Rest.jsonValue(rest.formVariables(COORDINATOR, review.get("id").asText()), "packForm");
      return form.get("packVersion").asInt() == 2 ? form : null;
    }, "the review to show version 2");
    assertThat(shown.get("packUrl").asText()).endsWith("/pack/versions/2.html");
    assertThat(shown.get("missing")).hasSize(1);
    assertThat(shown.get("missing").get(0).asText()).isEqualTo("Jobs & skills");
    Rest.waitFor(() -> {
      for (JsonNode m : rest.get(COORDINATOR, "/api/cycles/" + cycle + "/messages").json()) {
        if (m.get("kind").asText().equals("pack-to-review") && m.get("text").asText().contains("version 2")) {
          return true;
        }
      }
      return null;
    }, "the coordinators to be told of version 2");
    var stale = rest.complete(COORDINATOR, review.get("id").asText(), Map.of("packApproved", true, "reviewedVersion", 1));
    assertThat(stale.status()).isEqualTo(400);
    assertThat(stale.body()).contains("version 2 of the pack is now under review");
    assertThat(rest.get(COORDINATOR, "/api/cycles/" + cycle).json().get("status").asText()).isEqualTo("reviewing");

    assertThat(rest.complete(COORDINATOR, review.get("id").asText(), Map.of("packApproved", true, "reviewedVersion", 2))
        .status()).isEqualTo(204);
    JsonNode approved = Rest.waitFor(() -> {
      for (JsonNode c : rest.get(COORDINATOR, "/api/packs").json()) {
        if (c.get("key").asText().equals(cycle) && !c.get("versions").get(1).get("approvedBy").isNull()) {
          return c.get("versions");
        }
      }
      return null;
    }, "the approval");
    assertThat(approved.get(1).get("approvedBy").asText()).isEqualTo("Riverside Coordinator");
    assertThat(approved.get(0).get("approvedBy").isNull()).isTrue();
    // the board is told, with the meeting's date in words
    JsonNode told = Rest.waitFor(() -> {
      for (JsonNode m : rest.get(COORDINATOR, "/api/cycles/" + cycle + "/messages").json()) {
        if (m.get("kind").asText().equals("pack-approved")) {
          return m;
        }
      }
      return null;
    }, "the board to be told");
    assertThat(told.get("text").asText()).contains("ready for the meeting on Tuesday 30 January 2024")
        .doesNotContain("2024-01-30");

    // presenting closes the cycle: the late return still open ends with it
    presentAndClose(rest, cycle);
  }
  /**
   * A review that reopens a signed-off return while another is still late: the reopened return goes
   * back to its project lead and the late one stays where it stood; the decision to compile without
   * the missing returns lists the reopened one alone; once it is corrected and signed off the pack
   * is compiled again by itself, holding the correction, with the late return still marked.
   */
  @Test
  void aReturnReopenedFromTheReviewWhileAnotherIsLateIsCorrectedIntoTheNextVersion() {
    Rest rest = new Rest(port);
    var started = rest.startCycle(COORDINATOR, "2023-24 Q1", "2024-01-10", "2024-01-30");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String cycle = "2023-24-Q1";
    String riverside = cycle + "/riverside-places";
    String jobs = cycle + "/jobs-and-skills";

    // riverside is in and signed off; jobs and skills is not in
    submitRiverside(rest, riverside, "amber", "Quay works are late.");
    assertThat(rest.complete("pat.tworoles", rest.task("pat.tworoles", riverside).get("id").asText(),
        Map.of("approved", true)).status()).isEqualTo(204);
    // the decision, offered when the returns fell due, no longer lists the return signed off since
    JsonNode decision = rest.task(COORDINATOR, cycle, "userTask_compileWithoutMissing");
    assertThat(Rest.waitFor(() -> {
      // the sign-off's job writes the form again while it may be read here: the engine replaces a
      // Json variable's stored bytes, so a read between its two statements finds no value; read again
      JsonNode form = Rest.jsonValue(rest.formVariables(COORDINATOR, decision.get("id").asText()), "missingReturns");
      if (!form.has("returns")) {
        return null;
      }
      var listed = Rest.texts(form.get("returns"), "objective");
      return listed.size() == 1 ? listed : null;
    }, "the decision to list only the return still missing")).containsExactly("Jobs & skills");
    assertThat(rest.complete(COORDINATOR, decision.get("id").asText(), Map.of("compileReason", "The board meets"))
        .status()).isEqualTo(204);

    // the review reopens riverside: it goes back to Lou with the comment, jobs and skills stays late with Pat
    JsonNode review = rest.task(COORDINATOR, cycle, "userTask_reviewPack");
    var reopened = rest.complete(COORDINATOR, review.get("id").asText(), Map.of("packApproved", false,
        "reviewedVersion", 1, "reopenObjectives", "riverside-places",
        "packReviewComment", "The quay date contradicts the programme"));
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(204);
    assertThat(rest.get(COORDINATOR, "/api/cycles/" + cycle).json().get("status").asText()).isEqualTo("collecting");
    JsonNode again = rest.task("lou.lead", riverside);
    assertThat(again.get("taskDefinitionKey").asText()).isEqualTo("userTask_completeReturn");
    assertThat(rest.task("pat.tworoles", jobs).get("taskDefinitionKey").asText()).isEqualTo("userTask_completeReturn");
    assertThat(rest.get("admin", "/engine-rest/process-instance/count?businessKey=" + jobs).json().get("count").asInt())
        .as("the late return keeps its one instance").isEqualTo(1);
    assertThat(jdbc.sql("select objective_id from objective_return where cycle_key = ? and late_since is not null")
        .param(cycle).query(String.class).list()).containsExactly("jobs-and-skills");

    // the decision is offered again at once (the returns are past due), for the reopened return alone:
    // jobs and skills was left out already
    JsonNode decideAgain = rest.task(COORDINATOR, cycle, "userTask_compileWithoutMissing");
    assertThat(Rest.texts(Rest.jsonValue(rest.formVariables(COORDINATOR, decideAgain.get("id").asText()),
        "missingReturns").get("returns"), "objective")).containsExactly("Riverside places <& squares>");

    // corrected and signed off: nothing else is awaited, so the pack is compiled again by itself
    submitRiverside(rest, riverside, "green", "The quay opens in June, as the programme says.");
    assertThat(rest.complete("pat.tworoles", rest.task("pat.tworoles", riverside, "userTask_signOffReturn").get("id")
        .asText(), Map.of("approved", true)).status()).isEqualTo(204);
    // version 2 holds the correction, jobs and skills still marked; version 1 is served as it was
    JsonNode secondReview = rest.task(COORDINATOR, cycle, "userTask_reviewPack");
    assertThat(rest.get(COORDINATOR, "/engine-rest/task/count?processInstanceBusinessKey=" + cycle
        + "&taskDefinitionKey=userTask_compileWithoutMissing").json().get("count").asInt())
        .as("the decision went away with the collection").isZero();
    var second = Jsoup.parse(rest.get(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/2.html").body());
    assertThat(second.getElementById("riverside-places").text())
        .contains("The quay opens in June, as the programme says.").doesNotContain("Return not received");
    assertThat(second.getElementById("jobs-and-skills").text()).contains("Return not received");
    var first = Jsoup.parse(rest.get(COORDINATOR, "/api/cycles/" + cycle + "/pack/versions/1.html").body());
    assertThat(first.getElementById("riverside-places").text()).contains("Quay works are late.");
    assertThat(rest.get(COORDINATOR, "/api/cycles/" + cycle).json().get("status").asText()).isEqualTo("reviewing");

    // approved and presented, the cycle closes and the return still late ends with it (the suite's
    // other tests of this catalogue share the database and count Pat's tasks)
    assertThat(rest.complete(COORDINATOR, secondReview.get("id").asText(), Map.of("packApproved", true,
        "reviewedVersion", 2)).status()).isEqualTo(204);
    presentAndClose(rest, cycle);
  }

  /** Lou submits the riverside return with every row filled in. */
  private static void submitRiverside(Rest rest, String riverside, String overallStatus, String commentary) {
    JsonNode task = rest.task("lou.lead", riverside);
    JsonNode rows = Rest.filledIn(Rest.jsonValue(rest.formVariables("lou.lead", task.get("id").asText()), "kpis"));
    assertThat(rest.complete("lou.lead", task.get("id").asText(), Map.of("overallStatus", overallStatus,
        "commentary", commentary, "kpis", rows)).status()).isEqualTo(204);
  }

  /** Presenting the approved pack closes the cycle: any return still late ends with it. */
  private static void presentAndClose(Rest rest, String cycle) {
    JsonNode present = rest.task(COORDINATOR, cycle, "userTask_presentPack");
    assertThat(rest.complete(COORDINATOR, present.get("id").asText(), Map.of("boardMeetingHeld", "2024-01-30",
        "boardDecisions", "Noted")).status()).isEqualTo(204);
    Rest.waitFor(() -> rest.get("admin", "/engine-rest/process-instance/count?businessKeyLike=" + cycle + "%25").json()
        .get("count").asInt() == 0 ? true : null, "the late return to end with the cycle");
  }
}
