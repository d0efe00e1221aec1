package org.sesreturns.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Period;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.returns.ReturnRepository;
import org.sesreturns.returns.ReturnStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, moves and closes quarterly cycles. */
@Service
public class CycleService {

  static final int MAX_DECISIONS = 20_000;
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final CycleRepository cycles;
  private final ReturnRepository returns;
  private final Catalogue catalogue;
  private final Clock clock;

  CycleService(CycleRepository cycles, ReturnRepository returns, Catalogue catalogue, Clock clock) {
    this.cycles = cycles;
    this.returns = returns;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /**
   * Opens the cycle of a period and issues one return per objective. A period that is running or
   * closed is refused; a cancelled one may run again and keeps what its returns had stored.
   */
  @Transactional
  public Cycle open(Object periodValue, Object returnsDueValue, Object boardMeetingValue, String user,
      String processInstanceId) {
    List<String> problems = new ArrayList<>();
    Period period = null;
    if (periodValue == null || periodValue.toString().isBlank()) {
      problems.add("period: is required (financial year and quarter, as 2024-25 Q1)");
    } else {
      try {
        period = Period.parse(periodValue.toString());
      } catch (IllegalArgumentException e) {
        problems.add("period: " + e.getMessage());
      }
    }
    LocalDate returnsDue = date("returnsDue", returnsDueValue, problems);
    LocalDate boardMeeting = date("boardMeeting", boardMeetingValue, problems);
    if (returnsDue != null && boardMeeting != null && !returnsDue.isBefore(boardMeeting)) {
      problems.add("returnsDue: " + returnsDue + " must be before the board meeting on " + boardMeeting);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Cycle cycle = new Cycle(period.key(), catalogue.strategy().id(), period, returnsDue, boardMeeting,
        CycleStatus.COLLECTING, processInstanceId, user, now, null, null, null, null, null);
    var existing = cycles.lock(period.key());
    if (existing.isPresent()) {
      if (existing.get().status() != CycleStatus.CANCELLED) {
        throw new InvalidInputException("period: the cycle " + period + " has already been started ("
            + existing.get().status().word() + "); a period can run only once");
      }
      cycles.restart(cycle);
      var states = returns.states(cycle.key());
      states.values().stream().filter(r -> r.status() != ReturnStatus.SIGNED_OFF)
          .forEach(r -> returns.setStatus(r.id(), ReturnStatus.ISSUED, now));
      returns.issue(cycle.key(), objectiveIds().stream().filter(id -> !states.containsKey(id)).toList(), now);
      return cycle;
    }
    try {
      cycles.insert(cycle);
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("period: the cycle " + period + " has just been started by someone else");
    }
    returns.issue(cycle.key(), objectiveIds(), now);
    return cycle;
  }

  /** The objectives whose returns the cycle still has to collect, in catalogue order. */
  public List<String> returnsToCollect(String cycleKey) {
    var states = returns.states(cycleKey);
    return objectiveIds().stream()
        .filter(id -> states.containsKey(id) && states.get(id).status() != ReturnStatus.SIGNED_OFF)
        .toList();
  }

  @Transactional
  public void packCompiled(String cycleKey) {
    cycles.setStatus(cycleKey, CycleStatus.REVIEWING);
  }

  /**
   * Records the coordinator's review of the compiled pack. Not approved, it reopens the named
   * returns, which go back to their project leads with the comment.
   */
  @Transactional
  public void reviewPack(String cycleKey, Object approved, List<String> reopenObjectives, String comment, String user) {
    Cycle cycle = require(cycleKey);
    requireStatus(cycle, CycleStatus.REVIEWING);
    if (!(approved instanceof Boolean)) {
      throw new InvalidInputException("packApproved: is required (true or false)");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if ((Boolean) approved) {
      cycles.approvePack(cycleKey, user, now);
      return;
    }
    List<String> problems = new ArrayList<>();
    if (comment == null || comment.isBlank()) {
      problems.add("packReviewComment: is required when the pack is not approved: say what must change");
    } else if (comment.length() > 4_000) {
      problems.add("packReviewComment: is over the limit of 4000 characters");
    }
    List<String> ids = reopenObjectives.stream().distinct().toList();
    if (ids.isEmpty()) {
      problems.add("reopenObjectives: name at least one objective whose return must be corrected");
    }
    for (String id : ids) {
      if (catalogue.objective(id).isEmpty()) {
        problems.add("reopenObjectives: unknown objective '" + id + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    var states = returns.states(cycleKey);
    for (String id : ids) {
      returns.reopen(states.get(id).id(), user, comment.strip(), now);
    }
    cycles.setStatus(cycleKey, CycleStatus.COLLECTING);
  }

  @Transactional
  public void recordBoardMeeting(String cycleKey, Object held, Object decisions) {
    Cycle cycle = require(cycleKey);
    requireStatus(cycle, CycleStatus.PRESENTING);
    List<String> problems = new ArrayList<>();
    LocalDate date = date("boardMeetingHeld", held, problems);
    if (date != null && date.isAfter(LocalDate.now(clock.withZone(UK)))) {
      problems.add("boardMeetingHeld: " + date + " is in the future: record the meeting once it has been held");
    }
    String text = decisions == null ? "" : decisions.toString().strip();
    if (text.isEmpty()) {
      problems.add("boardDecisions: is required (write 'none' if the board decided nothing)");
    } else if (text.length() > MAX_DECISIONS) {
      problems.add("boardDecisions: is over the limit of " + MAX_DECISIONS + " characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    cycles.recordBoardMeeting(cycleKey, date, text);
  }

  @Transactional
  public void close(String cycleKey) {
    requireStatus(require(cycleKey), CycleStatus.PRESENTING);
    cycles.close(cycleKey, OffsetDateTime.now(clock));
  }

  /** A cycle whose process instance was cancelled (in Cockpit) may be started again. */
  @Transactional
  public void cancelled(String cycleKey) {
    cycles.find(cycleKey).filter(c -> c.status() != CycleStatus.CLOSED)
        .ifPresent(c -> cycles.setStatus(cycleKey, CycleStatus.CANCELLED));
  }

  public Cycle require(String cycleKey) {
    return cycles.find(cycleKey).orElseThrow(() -> new IllegalStateException("no cycle " + cycleKey));
  }

  private static void requireStatus(Cycle cycle, CycleStatus expected) {
    if (cycle.status() != expected) {
      throw new InvalidInputException("the cycle " + cycle.period() + " is " + cycle.status().word()
          + ", not " + expected.word());
    }
  }

  private List<String> objectiveIds() {
    return catalogue.objectives().stream().map(Catalogue.Objective::id).toList();
  }

  private static LocalDate date(String name, Object value, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add(name + ": is required (an ISO date, as 2024-07-15)");
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(UK).toLocalDate();
    }
    try {
      String text = value.toString().strip();
      // a date picker may send a date-time; its date is what counts
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add(name + ": '" + value + "' is not an ISO date (as 2024-07-15)");
      return null;
    }
  }
}
