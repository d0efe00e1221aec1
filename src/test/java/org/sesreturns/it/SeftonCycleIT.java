package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.KpiType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole quarter for all 11 Sefton objectives: each project lead submits the Jan-Mar 2024
 * figures of the history file as the next quarter's return, as the form accepts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeftonCycleIT {

  @LocalServerPort
  int port;

  @Autowired
  Catalogue catalogue;

  private Rest rest;

  @BeforeEach
  void client() {
    rest = new Rest(port);
  }

  @Test
  void wholeQuarterReachesTheBoardWithEveryFigure() {
    var scenario = new CycleScenario(rest, catalogue, "2024-25 Q1");
    Map<String, CycleScenario.ReturnEntry> entries = entriesFromHistory();
    // housing reports figures the history does not have, so the next quarter's "previous" can only
    // come from this closed cycle
    var housingEntry = entries.get("places-housing");
    List<CycleScenario.KpiEntry> housingKpis = new ArrayList<>(housingEntry.kpis());
    var completions = housingKpis.get(0);
    housingKpis.set(0, new CycleScenario.KpiEntry(completions.kpi(), null, "171", "red", "Two sites stalled"));
    entries.put("places-housing", new CycleScenario.ReturnEntry("amber", housingEntry.commentary(), housingKpis));
    assertThat(catalogue.history().get(0).returnOf("places-housing").orElseThrow().overallStatus().word()).isNotEqualTo("amber");
    assertThat(catalogue.history().get(0).returnOf("places-housing").orElseThrow().kpis().get(0).achieved()).isNotEqualTo("171");
    Map<String, String> previous = new LinkedHashMap<>();
    catalogue.history().get(0).returns().forEach(r -> previous.put(r.objective(), r.overallStatus().word()));

    scenario.start("2024-07-15", "2024-08-01");
    var firstForm = scenario.submit(catalogue.objectives().get(0), entries.get(catalogue.objectives().get(0).id()));
    assertThat(firstForm.get("previousStatus").get("value").asText()).isEqualTo("green");
    assertThat(Rest.jsonValue(firstForm, "returnHeader").get("reportDate").asText()).isEqualTo("Apr-Jun 2024");
    var firstRow = Rest.jsonValue(firstForm, "kpis").get(0);
    assertThat(firstRow.get("target").asText()).isEqualTo("11");
    assertThat(firstRow.get("type").asText()).isEqualTo("count");
    assertThat(firstRow.get("lastAchieved").asText()).isEqualTo("7");
    assertThat(firstRow.get("lastStatus").asText()).isEqualTo("green");

    scenario.decide(catalogue.objectives().get(0), true, null);
    runRemaining(scenario, entries);

    scenario.reviewAndPresent("2024-08-01", "The board noted the pack.\nActions: follow up on housing.");
    var pack = scenario.checkPack("board.chair", entries, previous);
    assertThat(pack.getElementById("places-housing").text()).contains("Empty homes brought back into use");

    // the period can run only once
    var again = rest.startCycle("ses.coordinator", "2024-25 Q1", "2024-07-15", "2024-08-01");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("message").asText()).contains("2024-25 Q1 has already been started (closed)");

    // the next quarter's "previous" comes from the closed cycle
    var next = new CycleScenario(rest, catalogue, "2024-25 Q2");
    next.start("2024-10-15", "2024-11-01");
    var task = rest.task("lee.payne", "2024-25-Q2/places-housing");
    var form = rest.formVariables("lee.payne", task.get("id").asText());
    assertThat(form.get("previousStatus").get("value").asText()).isEqualTo("amber");
    var rows = Rest.jsonValue(form, "kpis");
    assertThat(rows.get(0).get("lastAchieved").asText()).isEqualTo("171");
    assertThat(rows.get(0).get("lastStatus").asText()).isEqualTo("red");
    assertThat(Rest.jsonValue(form, "returnHeader").get("previousPeriod").asText()).isEqualTo("2024-25 Q1");
    assertThat(Rest.jsonValue(form, "returnHeader").get("reportDate").asText()).isEqualTo("Jul-Sep 2024");
    // the row the lead added last quarter comes back as a suggestion, to fill in or remove
    JsonNode suggested = rows.get(rows.size() - 1);
    assertThat(suggested.has("kpi")).isFalse();
    assertThat(suggested.get("suggested").asBoolean()).isTrue();
    assertThat(suggested.get("title").asText()).isEqualTo("Empty homes brought back into use");
    assertThat(suggested.get("lastAchieved").asText()).isEqualTo("12");
    assertThat(suggested.get("achieved").asText()).isEmpty();
    assertThat(rows).hasSize(catalogue.requireObjective("places-housing").kpis().size() + 1);
  }

  /** Everything after the first lead's submission: the scenario's send-back round and sign-offs. */
  private void runRemaining(CycleScenario scenario, Map<String, CycleScenario.ReturnEntry> entries) {
    List<Catalogue.Objective> objectives = catalogue.objectives();
    for (Catalogue.Objective objective : objectives.subList(1, objectives.size())) {
      scenario.submit(objective, entries.get(objective.id()));
    }
    Catalogue.Objective housing = catalogue.requireObjective("places-housing");
    scenario.decide(housing, false, "Please add the empty homes figure");
    var task = rest.task(housing.projectLead(), scenario.cycleKey() + "/" + housing.id());
    var header = Rest.jsonValue(rest.formVariables(housing.projectLead(), task.get("id").asText()), "returnHeader");
    assertThat(header.get("sentBackComment").asText()).isEqualTo("Please add the empty homes figure");
    scenario.submit(housing, entries.get(housing.id()));
    for (Catalogue.Objective objective : objectives.subList(1, objectives.size())) {
      scenario.decide(objective, true, null);
    }
  }

  /** The history's printed figures as a lead types them into the form. */
  private Map<String, CycleScenario.ReturnEntry> entriesFromHistory() {
    Map<String, CycleScenario.ReturnEntry> entries = new LinkedHashMap<>();
    for (Catalogue.HistoricReturn r : catalogue.history().get(0).returns()) {
      Catalogue.Objective objective = catalogue.requireObjective(r.objective());
      List<CycleScenario.KpiEntry> kpis = new ArrayList<>();
      for (Catalogue.Kpi kpi : objective.kpis()) {
        Catalogue.HistoricKpi k = r.kpis().stream().filter(h -> h.kpi().equals(kpi.id())).findFirst().orElseThrow();
        kpis.add(new CycleScenario.KpiEntry(k.kpi(), null, typed(kpi, k.achieved()), k.status().word(),
            k.progress() == null ? "" : k.progress()));
      }
      if (objective.id().equals("places-housing")) {
        kpis.add(new CycleScenario.KpiEntry(null, "Empty homes brought back into use", "12", "amber",
            "A new measure <added> by the lead"));
      }
      entries.put(objective.id(), new CycleScenario.ReturnEntry(r.overallStatus().word(), r.commentary(), kpis));
    }
    return entries;
  }

  static String typed(Catalogue.Kpi kpi, String printed) {
    String v = printed == null ? "" : printed.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    return switch (kpi.type()) {
      case NARRATIVE -> "";
      case MILESTONE -> v;
      case YES_NO -> lower;
      case TREND -> switch (lower) {
        case "new indicator" -> "new";
        case "increase" -> "lower-is-better".equals(kpi.polarity()) ? "worse" : "better";
        case "reduction" -> "lower-is-better".equals(kpi.polarity()) ? "better" : "worse";
        default -> lower;
      };
      case PERCENTAGE -> v.replace("%", "").strip();
      case COUNT, CURRENCY -> {
        if (lower.equals(KpiType.NOT_APPLICABLE) || v.isEmpty()) {
          yield KpiType.NOT_APPLICABLE;
        }
        String n = v.replace(",", "").replace("£", "").replace("m2", "").strip();
        if (n.endsWith("m") && n.substring(0, n.length() - 1).matches("\\d+(\\.\\d+)?")) {
          yield new BigDecimal(n.substring(0, n.length() - 1)).multiply(BigDecimal.valueOf(1_000_000)).toPlainString();
        }
        yield n.matches("\\d+(\\.\\d+)?") ? n : KpiType.NOT_APPLICABLE;
      }
    };
  }
}
