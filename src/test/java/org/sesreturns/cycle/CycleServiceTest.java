package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.CatalogueLoader;
import org.sesreturns.catalogue.Period;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.identity.Access;
import org.sesreturns.identity.NotAllowedException;
import org.sesreturns.reminders.Deadlines;
import org.sesreturns.returns.LateReturns;
import org.sesreturns.returns.ReturnInstances;
import org.sesreturns.returns.ReturnService;

/**
 * The coordinator's steps of a cycle, with the database and the engine left out: a start refused
 * with every problem at once and nothing recorded, dates as people write them, a period run only
 * once (unless cancelled), and a pack sent back only with a reason and the returns to correct.
 */
class CycleServiceTest {

  private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath:catalogue/made-up.yaml", List.of());
  private static final String KEY = "2025-26-Q2";
  private static final String INSTANCE = "cycle-instance";

  private final CycleRepository cycles = mock(CycleRepository.class);
  private final ReturnService returns = mock(ReturnService.class);
  private final Deadlines deadlines = mock(Deadlines.class);
  private final CycleService service = new CycleService(cycles, returns, CATALOGUE, mock(Access.class), deadlines,
      mock(LateReturns.class), mock(ReturnInstances.class), new CycleProperties(200),
      Clock.fixed(Instant.parse("2025-07-01T09:00:00Z"), ZoneId.of("Europe/London")));

  @Test
  void aStartIsRefusedWithEveryProblemAtOnceAndNothingRecorded() {
    assertThatThrownBy(() -> service.open("2025 second quarter", "31/02/2025", "", "riverside.coordinator", INSTANCE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("period: ")
        .hasMessageContaining("returnsDue: '31/02/2025' is not a date (write it as 15/07/2024 or 2024-07-15)")
        .hasMessageContaining("boardMeeting: is required");
    assertThatThrownBy(() -> service.open("2025-26 Q2", "2025-07-30", "2025-07-24", "riverside.coordinator", INSTANCE))
        .hasMessageContaining("returnsDue: 2025-07-30 must be before the board meeting on 2025-07-24");
    assertThatThrownBy(() -> service.open("2025-26 Q2", "1925-07-18", "2027-07-24", "riverside.coordinator", INSTANCE))
        .hasMessageContaining("returnsDue: 1925-07-18 is not after the quarter 2025-26 Q2 began on 2025-04-01")
        .hasMessageContaining("boardMeeting: 2027-07-24 is more than a year after the quarter 2025-26 Q2 ends: at the latest 2026-06-30");
    verifyNoInteractions(returns);
    verify(cycles, never()).insert(any());
  }

  @Test
  void aStartRecordsTheCycleAndIssuesEveryObjectivesReturnWithDatesAsPeopleWriteThem() {
    when(cycles.lock(KEY)).thenReturn(Optional.empty());

    Cycle cycle = service.open(" 2025-26 Q2 ", "18/07/2025", "2025-07-24T00:00:00.000+0100", "riverside.coordinator", INSTANCE);

    assertThat(cycle.period()).isEqualTo(new Period(2025, 2));
    assertThat(cycle.returnsDue()).isEqualTo(LocalDate.of(2025, 7, 18));
    assertThat(cycle.boardMeeting()).isEqualTo(LocalDate.of(2025, 7, 24));
    assertThat(cycle.status()).isEqualTo(CycleStatus.COLLECTING);
    ArgumentCaptor<Cycle> inserted = ArgumentCaptor.forClass(Cycle.class);
    verify(cycles).insert(inserted.capture());
    assertThat(inserted.getValue().key()).isEqualTo(KEY);
    assertThat(inserted.getValue().processInstanceId()).isEqualTo(INSTANCE);
    verify(returns).issue(KEY, List.of("jobs-and-skills", "riverside-places"), "riverside.coordinator");
  }

  @Test
  void withoutADueDateTheReturnsAreDueAsConfigured() {
    when(cycles.lock(KEY)).thenReturn(Optional.empty());
    when(deadlines.returnsDue(new Period(2025, 2), CATALOGUE.strategy().financialYearStart()))
        .thenReturn(LocalDate.of(2025, 7, 21));

    assertThat(service.open("2025-26 Q2", " ", "2025-07-24", "riverside.coordinator", INSTANCE).returnsDue())
        .isEqualTo(LocalDate.of(2025, 7, 21));
  }

  @Test
  void aPeriodRunsOnceUnlessItWasCancelled() {
    when(cycles.lock(KEY)).thenReturn(Optional.of(cycle(CycleStatus.CLOSED)));
    assertThatThrownBy(() -> service.open("2025-26 Q2", "2025-07-18", "2025-07-24", "riverside.coordinator", INSTANCE))
        .hasMessageContaining("period: the cycle 2025-26 Q2 has already been started (closed); a period can run only once");
    verifyNoInteractions(returns);

    when(cycles.lock(KEY)).thenReturn(Optional.of(cycle(CycleStatus.CANCELLED)));
    service.open("2025-26 Q2", "2025-07-18", "2025-07-24", "riverside.coordinator", "second-instance");
    verify(cycles).restart(any());
    verify(returns).reissue(KEY, List.of("jobs-and-skills", "riverside-places"), "riverside.coordinator");
    verify(cycles, never()).insert(any());
  }

  @Test
  void aPackIsSentBackOnlyWithAReasonAndTheReturnsToCorrect() {
    when(cycles.find(KEY)).thenReturn(Optional.of(cycle(CycleStatus.REVIEWING)));

    assertThatThrownBy(() -> service.reviewPack(KEY, INSTANCE, false, List.of(), " ", "riverside.coordinator"))
        .hasMessageContaining("packReviewComment: is required when the pack is not approved")
        .hasMessageContaining("reopenObjectives: name at least one objective");
    assertThatThrownBy(() -> service.reviewPack(KEY, INSTANCE, false, List.of("jobs-and-skills", "nowhere"),
            "Check the grant figure", "riverside.coordinator"))
        .hasMessageContaining("reopenObjectives: unknown objective 'nowhere'");
    assertThatThrownBy(() -> service.reviewPack(KEY, INSTANCE, null, List.of(), null, "riverside.coordinator"))
        .hasMessageContaining("packApproved: is required (true or false)");
    verify(returns, never()).reopen(anyString(), any(), anyString(), anyString());

    service.reviewPack(KEY, INSTANCE, false, List.of("jobs-and-skills", "jobs-and-skills"), "  Check the grant figure ",
        "riverside.coordinator");
    verify(returns).reopen(KEY, List.of("jobs-and-skills"), "Check the grant figure", "riverside.coordinator");
    verify(cycles).setStatus(KEY, CycleStatus.COLLECTING);
  }

  @Test
  void onlyTheCyclesOwnProcessInTheRightStepMovesIt() {
    when(cycles.find(KEY)).thenReturn(Optional.of(cycle(CycleStatus.REVIEWING)));

    assertThatThrownBy(() -> service.reviewPack(KEY, "another-instance", true, List.of(), null, "riverside.coordinator"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("process instance another-instance is not the cycle's process (2025-26 Q2 runs in cycle-instance)");
    assertThatThrownBy(() -> service.issueBatches(KEY, INSTANCE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("the cycle 2025-26 Q2 is reviewing, not collecting");
    verify(cycles, never()).approvePack(anyString(), anyString(), any());

    service.reviewPack(KEY, INSTANCE, true, List.of(), null, "riverside.coordinator");
    verify(cycles).approvePack(anyString(), anyString(), any());
  }

  private static Cycle cycle(CycleStatus status) {
    return new Cycle(KEY, "riverside-growth", new Period(2025, 2), LocalDate.of(2025, 7, 18), LocalDate.of(2025, 7, 24),
        status, INSTANCE, "riverside.coordinator", null, null, null, null, null, null);
  }
}
