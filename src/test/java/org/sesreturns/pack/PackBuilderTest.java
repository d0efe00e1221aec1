package org.sesreturns.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.CatalogueLoader;
import org.sesreturns.catalogue.Period;
import org.sesreturns.catalogue.Status;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleStatus;
import org.sesreturns.returns.PreviousQuarter;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnService;
import org.sesreturns.returns.ReturnStatus;
import org.sesreturns.returns.StoredReturn;
import org.sesreturns.returns.Submission;

/**
 * The pack as a board reads it, built from stored returns and the quarter before: figures with
 * their units and as numbers, the statuses counted, the exceptions (Red, or worse than last
 * quarter) with the lead's words, trends where a KPI has two numbers, and a return not signed off
 * shown as not received with its last status, never left out.
 */
class PackBuilderTest {

  private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath:catalogue/made-up.yaml", List.of());
  private static final Period QUARTER = new Period(2025, 2);
  private static final Period BEFORE = new Period(2025, 1);
  private static final Cycle CYCLE = new Cycle(QUARTER.key(), "riverside-growth", QUARTER, LocalDate.of(2025, 7, 21),
      LocalDate.of(2025, 7, 24), CycleStatus.REVIEWING, "pi", "riverside.coordinator", OffsetDateTime.now(), null, null,
      null, null, null);

  private final ReturnService returns = mock(ReturnService.class);
  private final PreviousQuarter previousQuarter = mock(PreviousQuarter.class);
  private final PackBuilder builder = new PackBuilder(CATALOGUE, returns, previousQuarter);

  @BeforeEach
  void quarterOfTwoReturns() {
    var jobs = new Submission(Status.AMBER, "Starts are on plan.\n\nSatisfaction fell after the survey changed.", List.of(
        kpi("apprentices", "Apprentices starting", "40", "38", Status.GREEN, "Two more start in April"),
        kpi("employer-satisfaction", "% of employers satisfied", "85", "72", Status.RED, "New survey in March"),
        kpi("grant-spend", "Grant spent", "250000", "180000", Status.AMBER, "Second tranche late"),
        kpi("skills-hub-open", "Skills hub open", "yes", "no", Status.AMBER, "Fit-out late"),
        kpi(null, "Employers visited", "60", "41", Status.GREEN, "Added by the lead")));
    var riverside = new Submission(Status.GREEN, "The quay is open.", List.of(
        kpi("masterplan", "Masterplan adopted", "Dec 2024", "Adopted", Status.GREEN, ""),
        kpi("footfall", "Town centre footfall", "increase", "increase", Status.GREEN, ""),
        kpi("quay-works", "Quay works", null, "", Status.NONE, "Done")));
    when(returns.all(CYCLE.key())).thenReturn(List.of(
        stored("jobs-and-skills", ReturnStatus.SIGNED_OFF, jobs),
        stored("riverside-places", ReturnStatus.SUBMITTED, riverside)));
    when(previousQuarter.history(eq(QUARTER), eq("jobs-and-skills"), anyInt())).thenReturn(List.of(
        new PreviousQuarter.Previous(BEFORE, Status.GREEN, Map.of(
            "apprentices", new PreviousQuarter.Figure("40", "30", Status.GREEN),
            "employer-satisfaction", new PreviousQuarter.Figure("85", "80", Status.AMBER),
            "grant-spend", new PreviousQuarter.Figure("250000", "£120,000", Status.GREEN)), List.of())));
    when(previousQuarter.history(eq(QUARTER), eq("riverside-places"), anyInt())).thenReturn(List.of(
        new PreviousQuarter.Previous(BEFORE, Status.RED, Map.of(), List.of())));
  }

  @Test
  void theCompiledPackCountsExceptionsAndShowsAReturnNotSignedOffAsNotReceived() {
    Pack pack = builder.build(CYCLE, false, 2, "A steady quarter.\nOne risk: the skills hub.");

    assertThat(pack.period()).isEqualTo("2025-26 Q2");
    assertThat(pack.quarter()).isEqualTo("Apr-Jun 2025");
    assertThat(pack.boardMeeting()).isEqualTo("Thursday 24 July 2025");
    assertThat(pack.version()).isEqualTo(2);
    assertThat(pack.summary().executive()).containsExactly("A steady quarter.", "One risk: the skills hub.");

    assertThat(pack.summary().rows()).extracting(Pack.SummaryRow::objectiveId, Pack.SummaryRow::previousStatus,
            Pack.SummaryRow::overallStatus, Pack.SummaryRow::direction, Pack.SummaryRow::received)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("jobs-and-skills", "Green", "Amber", "Worsened", true),
            org.assertj.core.groups.Tuple.tuple("riverside-places", "Red", null, null, false));
    assertThat(pack.summary().objectives()).isEqualTo(new Pack.Counts(0, 1, 0));
    assertThat(pack.summary().kpis()).as("the added row counts too").isEqualTo(new Pack.Counts(2, 2, 1));

    // exceptions: the Red KPI and the one worse than last quarter, with the lead's commentary
    assertThat(pack.summary().exceptions()).singleElement().satisfies(concern -> {
      assertThat(concern.objective()).isEqualTo("Jobs & skills");
      assertThat(concern.projectLead()).isEqualTo("Pat Two-Roles");
      assertThat(concern.kpis()).extracting(Pack.ConcernKpi::kpi, Pack.ConcernKpi::achieved, Pack.ConcernKpi::status,
              Pack.ConcernKpi::previousStatus)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("% of employers satisfied", "72%", "Red", "Amber"),
              org.assertj.core.groups.Tuple.tuple("Grant spent", "£180,000", "Amber", "Green"));
      assertThat(concern.commentary()).containsExactly("Starts are on plan.", "Satisfaction fell after the survey changed.");
    });

    Pack.Section jobs = pack.sections().get(0);
    assertThat(jobs.kpis()).extracting(Pack.Row::kpi, Pack.Row::target, Pack.Row::achieved)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Apprentices starting", "40", "38"),
            org.assertj.core.groups.Tuple.tuple("% of employers satisfied", "85%", "72%"),
            org.assertj.core.groups.Tuple.tuple("Grant spent", "£250,000", "£180,000"),
            org.assertj.core.groups.Tuple.tuple("Skills hub open", "yes", "no"),
            org.assertj.core.groups.Tuple.tuple("Employers visited", "60", "41"));
    assertThat(jobs.kpis().get(2).achievedValue()).isEqualByComparingTo(new BigDecimal("180000"));
    assertThat(jobs.kpis().get(1).targetValue()).isEqualByComparingTo(new BigDecimal("85"));
    assertThat(jobs.kpis().get(3).achievedValue()).as("yes-no is text").isNull();
    assertThat(jobs.kpis().get(4).type()).as("an added row has no catalogue type").isNull();

    // trends where a numeric KPI has two figures, oldest first, the printed figure read back as a number
    assertThat(jobs.trends()).extracting(Pack.Trend::kpi)
        .containsExactly("Apprentices starting", "% of employers satisfied", "Grant spent");
    Pack.Trend grant = jobs.trends().get(2);
    assertThat(grant.targetFigure()).isEqualTo("£250,000");
    assertThat(grant.points()).extracting(Pack.Point::quarter, Pack.Point::value, Pack.Point::figure, Pack.Point::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Jan-Mar 2025", 120000.0, "£120,000", "Green"),
            org.assertj.core.groups.Tuple.tuple("Apr-Jun 2025", 180000.0, "£180,000", "Amber"));

    Pack.Section riverside = pack.sections().get(1);
    assertThat(riverside.received()).isFalse();
    assertThat(riverside.previousStatus()).isEqualTo("Red");
    assertThat(riverside.commentary()).isEmpty();
    assertThat(riverside.kpis()).extracting(Pack.Row::kpi)
        .containsExactly("Masterplan adopted", "Town centre footfall", "Quay works");
    assertThat(riverside.kpis()).extracting(Pack.Row::achieved).containsOnlyNulls();
  }

  @Test
  void aDraftShowsWhatIsSubmittedSoFar() {
    Pack draft = builder.build(CYCLE, true, null, null);

    assertThat(draft.draft()).isTrue();
    assertThat(draft.summary().executive()).isEmpty();
    Pack.Section riverside = draft.sections().get(1);
    assertThat(riverside.received()).isTrue();
    assertThat(riverside.overallStatus()).isEqualTo("Green");
    assertThat(riverside.commentary()).containsExactly("The quay is open.");
    assertThat(draft.summary().objectives()).isEqualTo(new Pack.Counts(1, 1, 0));
    assertThat(draft.summary().rows().get(1).direction()).isEqualTo("Improved");
  }

  @Test
  void figuresPrintAsThePrintedPackDoes() {
    Catalogue.Objective jobs = CATALOGUE.requireObjective("jobs-and-skills");
    assertThat(PackBuilder.withUnit(jobs.kpi("apprentices").orElseThrow(), "1234567.5")).isEqualTo("1,234,567.5");
    assertThat(PackBuilder.withUnit(jobs.kpi("grant-spend").orElseThrow(), "1200.5")).isEqualTo("£1,200.50");
    assertThat(PackBuilder.withUnit(jobs.kpi("grant-spend").orElseThrow(), "n/a")).isEqualTo("n/a");
    assertThat(PackBuilder.withUnit(jobs.kpi("employer-satisfaction").orElseThrow(), "72.5")).isEqualTo("72.5%");
    assertThat(PackBuilder.withUnit(jobs.kpi("skills-hub-open").orElseThrow(), "yes")).isEqualTo("yes");
    assertThat(PackBuilder.direction(Status.RED, Status.AMBER)).isEqualTo("Improved");
    assertThat(PackBuilder.direction(Status.AMBER, Status.AMBER)).isEqualTo("Unchanged");
    assertThat(PackBuilder.direction(null, Status.AMBER)).isNull();
  }

  private static Submission.KpiValue kpi(String id, String title, String target, String achieved, Status status,
      String progress) {
    return new Submission.KpiValue(id, title, target, achieved, status, progress);
  }

  private static StoredReturn stored(String objective, ReturnStatus status, Submission submission) {
    var version = new StoredReturn.Version(1, 1, null, submission, "lead", OffsetDateTime.now(), null, null, null, null);
    var leads = CATALOGUE.requireObjective(objective);
    return new StoredReturn(1, new ReturnKey(CYCLE.key(), objective), status, leads.projectLead(), leads.sesLead(),
        Optional.of(version));
  }
}
