package org.sesreturns.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sesreturns.catalogue.Period;

/** One quarter's reporting cycle as stored. */
public record Cycle(
    String key,
    String strategyId,
    Period period,
    LocalDate returnsDue,
    LocalDate boardMeeting,
    CycleStatus status,
    String processInstanceId,
    String startedBy,
    OffsetDateTime startedAt,
    String packApprovedBy,
    OffsetDateTime packApprovedAt,
    LocalDate boardMeetingHeld,
    String boardDecisions,
    OffsetDateTime closedAt) {}
