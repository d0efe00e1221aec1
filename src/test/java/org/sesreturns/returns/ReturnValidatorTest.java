package org.sesreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.CatalogueLoader;
import org.sesreturns.catalogue.Status;
import org.sesreturns.engine.InvalidInputException;

/**
 * The server's rules for a return, as a lead meets them: what a whole return keeps (as typed,
 * trimmed, in the catalogue's order, rows the lead added after), and every problem of a bad one
 * named by the row and the column the lead sees, all in one answer.
 */
class ReturnValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath:catalogue/made-up.yaml", List.of());
  private static final Catalogue.Objective JOBS = CATALOGUE.requireObjective("jobs-and-skills");
  private static final String COMMENTARY = """
      Apprentice starts are on plan: 38 of 40.
      "The hub" opens in May <after the fit-out> & the grant is £180,000 spent – ’on track’.""";

  private final ReturnValidator validator = new ReturnValidator();

  @Test
  void aWholeReturnIsKeptAsTypedInTheCataloguesOrderWithAddedRowsAfter() {
    ArrayNode kpis = JSON.createArrayNode();
    // out of the catalogue's order, with spaces around, and a row the lead added
    kpis.add(row("grant-spend", " 180000 ", "amber", "Second tranche in April"));
    kpis.add(JSON.createObjectNode().put("title", "Employers visited").put("target", "60").put("achieved", "41")
        .put("status", "green").put("progress", "Ahead of last year"));
    kpis.add(row("apprentices", "38", "Green", "Two more start in April"));
    kpis.add(row("skills-hub-open", "No", "red", "Fit-out late:\nopens in May"));
    kpis.add(row("employer-satisfaction", "N/A", "none", ""));

    Submission submission = validator.validate(JOBS, " amber ", "  " + COMMENTARY + "\n", kpis);

    assertThat(submission.overallStatus()).isEqualTo(Status.AMBER);
    assertThat(submission.commentary()).isEqualTo(COMMENTARY);
    assertThat(submission.kpis()).extracting(Submission.KpiValue::kpiId)
        .containsExactly("apprentices", "employer-satisfaction", "grant-spend", "skills-hub-open", null);
    assertThat(submission.kpis()).extracting(Submission.KpiValue::achieved)
        .containsExactly("38", "n/a", "180000", "no", "41");
    assertThat(submission.kpis()).extracting(Submission.KpiValue::status)
        .containsExactly(Status.GREEN, Status.NONE, Status.AMBER, Status.RED, Status.GREEN);
    Submission.KpiValue added = submission.kpis().get(4);
    assertThat(added.title()).isEqualTo("Employers visited");
    assertThat(added.target()).isEqualTo("60");
    assertThat(submission.kpis().get(3).progress()).isEqualTo("Fit-out late:\nopens in May");
    assertThat(submission.kpis().get(0).title()).as("the catalogue's title, not the client's").isEqualTo("Apprentices starting");
  }

  @Test
  void everyProblemIsNamedByItsRowAndColumnInOneAnswer() {
    ArrayNode kpis = JSON.createArrayNode();
    kpis.add(row("apprentices", "about forty", "green", "On plan"));
    kpis.add(row("employer-satisfaction", "120", "purple", "Survey in March"));
    kpis.add(row("grant-spend", "180000", "", "Line one\u202Eevil"));
    kpis.add(row("apprentices", "38", "green", ""));
    kpis.add(row("no-such-kpi", "1", "green", ""));
    kpis.add(JSON.createObjectNode().put("achieved", "3").put("status", "green"));

    assertThatThrownBy(() -> validator.validate(JOBS, "blue", "   ", kpis))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("overallStatus: 'blue' is not green, amber or red")
        .hasMessageContaining("commentary: is required")
        .hasMessageContaining("KPI row 1 (Apprentices starting), Achieved: 'about forty' is not")
        .hasMessageContaining("KPI row 2 (% of employers satisfied), Achieved: '120' is outside 0 to 100")
        .hasMessageContaining("KPI row 2 (% of employers satisfied), Current status: 'purple' is not Green, Amber, Red or None")
        .hasMessageContaining("KPI row 3 (Grant spent), Current status: is required (Green, Amber, Red or None)")
        .hasMessageContaining("KPI row 3 (Grant spent), Progress to date: character 9 is")
        .hasMessageContaining("KPI row 4: KPI 'Apprentices starting' is given twice")
        .hasMessageContaining("KPI row 5: unknown KPI 'no-such-kpi' for objective 'Jobs & skills'")
        .hasMessageContaining("KPI row 6 (added), KPI: an added KPI row needs a title")
        .hasMessageContaining("kpis: KPI 'Skills hub open' (skills-hub-open) is missing");
  }

  @Test
  void aReturnWithoutItsTableOrWithTextOverItsLimitsIsRefused() {
    assertThatThrownBy(() -> validator.validate(JOBS, "green", "Fine", null)).hasMessageContaining("kpis: is required");
    assertThatThrownBy(() -> validator.validate(JOBS, "green", "Fine", JSON.createObjectNode()))
        .hasMessageContaining("kpis: must be a list of KPI rows");
    ArrayNode kpis = JSON.createArrayNode();
    for (var kpi : JOBS.kpis()) {
      kpis.add(row(kpi.id(), kpi.id().equals("skills-hub-open") ? "yes" : "1", "green", "x".repeat(ReturnValidator.MAX_PROGRESS + 1)));
    }
    for (int i = 0; i <= ReturnValidator.MAX_ADDED_ROWS; i++) {
      kpis.add(JSON.createObjectNode().put("title", "Added " + i).put("status", "none"));
    }
    String tooLong = "y".repeat(ReturnValidator.MAX_COMMENTARY + 1);
    assertThatThrownBy(() -> validator.validate(JOBS, "green", tooLong, kpis))
        .hasMessageContaining("commentary: is " + (ReturnValidator.MAX_COMMENTARY + 1)
            + " characters long, over the limit of " + ReturnValidator.MAX_COMMENTARY)
        .hasMessageContaining("KPI row 1 (Apprentices starting), Progress to date: is "
            + (ReturnValidator.MAX_PROGRESS + 1) + " characters long")
        .hasMessageContaining("kpis: more than " + ReturnValidator.MAX_ADDED_ROWS + " added rows");
  }

  @Test
  void aReturnSentBackSaysWhyAndADecisionIsRequired() {
    validator.validateSignOff(true, null);
    validator.validateSignOff(false, "Give the March figure for footfall, with its source.");
    assertThatThrownBy(() -> validator.validateSignOff(false, "  "))
        .hasMessageContaining("signOffComment: is required when the return is sent back");
    assertThatThrownBy(() -> validator.validateSignOff(null, "Fine"))
        .hasMessageContaining("approved: is required (true or false)");
    assertThatThrownBy(() -> validator.validateSignOff(true, "z".repeat(ReturnValidator.MAX_COMMENT + 1)))
        .hasMessageContaining("signOffComment: is over the limit of " + ReturnValidator.MAX_COMMENT + " characters");
    assertThatThrownBy(() -> validator.validateSignOff(false, "Add\u0007 the source"))
        .hasMessageContaining("signOffComment: character 4 is").hasMessageContaining("a control character");
  }

  private static ObjectNode row(String kpi, String achieved, String status, String progress) {
    return JSON.createObjectNode().put("kpi", kpi).put("achieved", achieved).put("status", status).put("progress", progress);
  }
}
