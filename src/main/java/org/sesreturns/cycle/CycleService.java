package org.sesreturns.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Period;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.TextLimits;
import org.sesreturns.identity.Access;
import org.sesreturns.identity.NotAllowedException;
import org.sesreturns.reminders.Deadlines;
import org.sesreturns.returns.LateReturns;
import org.sesreturns.returns.ReturnInstances;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, moves and closes quarterly cycles. Each step after the opening checks that it runs in
 * the cycle's own process instance and that the cycle is in the state the step needs, so no
 * process started or modified elsewhere (at a chosen activity, with listeners skipped) can move a
 * cycle past a step it has not done.
 */
@Service
public class CycleService {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CycleService.class);

  static final int MAX_DECISIONS = TextLimits.LONG_TEXT;
  static final int MAX_COMMENT = TextLimits.COMMENT;
  private static final int MAX_YEARS_AFTER_QUARTER = 1;
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final CycleRepository cycles;
  private final ReturnService returns;
  private final Catalogue catalogue;
  private final Access access;
  private final Deadlines deadlines;
  private final LateReturns lateReturns;
  private final ReturnInstances instances;
  private final CycleProperties properties;
  private final Clock clock;

  CycleService(CycleRepository cycles, ReturnService returns, Catalogue catalogue, Access access, Deadlines deadlines,
      LateReturns lateReturns, ReturnInstances instances, CycleProperties properties, Clock clock) {
    this.cycles = cycles;
    this.instances = instances;
    this.properties = properties;
    this.lateReturns = lateReturns;
    this.deadlines = deadlines;
    this.access = access;
    this.returns = returns;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /**
   * Opens the cycle of a period and records one return per objective, issued to its leads (their
   * instances start in batches afterwards, {@link #issueBatch}). Without a date for the
   * returns, they are due the configured number of working days after the quarter ends. A period
   * that is running or closed is refused; a cancelled one may run again and keeps what its returns
   * had stored.
   */
  @Transactional
  public Cycle open(String periodValue, String returnsDueValue, String boardMeetingValue, String user,
      String processInstanceId) {
    access.requireCoordinatorFor("start a cycle");
    List<String> problems = new ArrayList<>();
    Period period = null;
    if (periodValue == null || periodValue.isBlank()) {
      problems.add("period: is required (financial year and quarter, as 2024-25 Q1)");
    } else {
      try {
        period = Period.parse(periodValue);
      } catch (IllegalArgumentException e) {
        problems.add("period: " + e.getMessage());
      }
    }
    LocalDate returnsDue = returnsDueValue == null || returnsDueValue.isBlank()
        ? (period == null ? null : deadlines.returnsDue(period, catalogue.strategy().financialYearStart()))
        : date("returnsDue", returnsDueValue, problems);
    LocalDate boardMeeting = date("boardMeeting", boardMeetingValue, problems);
    if (period != null) {
      inQuarterWindow("returnsDue", returnsDue, period, problems);
      inQuarterWindow("boardMeeting", boardMeeting, period, problems);
    }
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
      returns.reissue(cycle.key(), objectiveIds(), user);
      return cycle;
    }
    try {
      cycles.insert(cycle);
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("period: the cycle " + period + " has just been started by someone else");
    }
    returns.issue(cycle.key(), objectiveIds(), user);
    return cycle;
  }

  /**
   * The batches the returns still to collect are issued in, numbered from 0: one job each, run
   * in parallel (ses.cycle.issue-batch-size returns a batch).
   */
  public List<Integer> issueBatches(String cycleKey, String processInstanceId) {
    requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    int batches = (returns.toCollect(cycleKey).size() + properties.issueBatchSize() - 1) / properties.issueBatchSize();
    return java.util.stream.IntStream.range(0, batches).boxed().toList();
  }

  /**
   * Starts the returns of one batch (the objectives still to collect, by id) that have no instance
   * running: a batch run again after a failure starts only what it had not.
   */
  @Transactional
  public void issueBatch(String cycleKey, String processInstanceId, int batch) {
    requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    List<String> toCollect = returns.toCollect(cycleKey).stream().sorted().toList();
    int from = Math.min(batch * properties.issueBatchSize(), toCollect.size());
    List<String> part = toCollect.subList(from, Math.min(from + properties.issueBatchSize(), toCollect.size()));
    Map<String, String> running = instances.running(cycleKey);
    long start = System.nanoTime();
    List<String> started = part.stream().filter(id -> !running.containsKey(id)).toList();
    started.forEach(objectiveId -> instances.start(new ReturnKey(cycleKey, objectiveId)));
    log.info("cycle {}: batch {} issued {} return(s) in {} ms", cycleKey, batch, started.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Once every batch has run: whether every return to collect is signed off already, checked with
   * the cycle's row locked (as {@link #waitingForNoMoreReturns} is). A return the batches missed
   * (the returns to collect changed while they ran) is issued here.
   */
  @Transactional
  public boolean everyReturnIn(String cycleKey, String processInstanceId) {
    requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    cycles.lock(cycleKey);
    List<String> toCollect = returns.toCollect(cycleKey);
    Map<String, String> running = instances.running(cycleKey);
    toCollect.stream().filter(id -> !running.containsKey(id))
        .forEach(objectiveId -> instances.start(new ReturnKey(cycleKey, objectiveId)));
    return toCollect.isEmpty();
  }

  /**
   * The cycle, when it is collecting and no return is left to collect: then the return signed off
   * last tells it to go on. The cycle's row stays locked until the caller's transaction ends, so
   * two returns signed off at the same moment tell the cycle one after the other: the second finds
   * it told, where it would otherwise collide with the first and fail its step once.
   */
  @Transactional
  public Optional<Cycle> waitingForNoMoreReturns(String cycleKey) {
    return cycles.lock(cycleKey)
        .filter(c -> c.status() == CycleStatus.COLLECTING)
        .filter(c -> returns.toCollect(cycleKey).isEmpty());
  }

  /** Refuses to end the collection while a return is still open. */
  public void requireEveryReturnSignedOff(String cycleKey, String processInstanceId) {
    Cycle cycle = requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    List<String> open = returns.toCollect(cycleKey);
    if (!open.isEmpty()) {
      throw new InvalidInputException("the cycle " + cycle.period() + " still waits for " + open.size()
          + " return(s) to be signed off (" + String.join(", ", open.subList(0, Math.min(10, open.size())))
          + (open.size() > 10 ? ", …" : "") + ")");
    }
  }

  /**
   * The cycle whose pack may be compiled now: collecting in this process instance, with every
   * return signed off.
   */
  public Cycle readyToCompile(String cycleKey, String processInstanceId) {
    Cycle cycle = requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    List<String> open = returns.toCollect(cycleKey);
    if (!open.isEmpty()) {
      throw new IllegalStateException("the pack of " + cycle.period() + " cannot be compiled: " + open.size()
          + " return(s) not signed off (" + String.join(", ", open) + ")");
    }
    return cycle;
  }

  /**
   * The coordinators decide, once the returns' due day has ended, to compile the pack without the
   * returns still outstanding; the reason is required and recorded with who decided and when.
   */
  @Transactional
  public void decideToLeaveOutMissing(String cycleKey, String processInstanceId, String reason, String user) {
    access.requireCoordinatorFor("compile the pack without the missing returns");
    Cycle cycle = requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    if (!clock.instant().isAfter(Deadlines.endOf(cycle.returnsDue()))) {
      throw new InvalidInputException("the returns of " + cycle.period() + " are due on " + cycle.returnsDue()
          + ": only after that can the pack be compiled without the missing ones");
    }
    if (returns.toCollect(cycleKey).isEmpty()) {
      throw new InvalidInputException("every return of " + cycle.period() + " is in: there is nothing to leave out");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("compileReason: is required: say why the pack cannot wait for the missing returns");
    }
    if (reason.length() > 2000) {
      throw new InvalidInputException("compileReason: is longer than 2000 characters");
    }
    TextLimits.unsafeCharacter(reason, true).ifPresent(p -> {
      throw new InvalidInputException("compileReason: " + p);
    });
    cycles.recordLeftOut(cycleKey, user, reason.strip(), OffsetDateTime.now(clock));
  }

  /** Who decided to compile the pack without the missing returns, when and why, if anyone did. */
  public Optional<LeftOut> leftOut(String cycleKey) {
    return cycles.leftOut(cycleKey);
  }

  /** The cycle whose pack may be compiled without its missing returns: collecting in this process, the decision recorded. */
  public Cycle readyToCompileWithoutMissing(String cycleKey, String processInstanceId) {
    Cycle cycle = requireStep(cycleKey, processInstanceId, CycleStatus.COLLECTING);
    if (cycles.leftOut(cycleKey).isEmpty()) {
      throw new IllegalStateException("nobody decided to compile the pack of " + cycle.period() + " without its missing returns");
    }
    return cycle;
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
  public void reviewPack(String cycleKey, String processInstanceId, Boolean approved, List<String> reopenObjectives,
      String comment, String user) {
    access.requireCoordinatorFor("review the board pack");
    requireStep(cycleKey, processInstanceId, CycleStatus.REVIEWING);
    if (approved == null) {
      throw new InvalidInputException("packApproved: is required (true or false)");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (approved) {
      cycles.approvePack(cycleKey, user, now);
      return;
    }
    List<String> problems = new ArrayList<>();
    if (comment == null || comment.isBlank()) {
      problems.add("packReviewComment: is required when the pack is not approved: say what must change");
    } else if (comment.length() > MAX_COMMENT) {
      problems.add("packReviewComment: is over the limit of " + MAX_COMMENT + " characters");
    } else {
      TextLimits.unsafeCharacter(comment, true).ifPresent(p -> problems.add("packReviewComment: " + p));
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
    returns.reopen(cycleKey, ids, comment.strip(), user);
    cycles.setStatus(cycleKey, CycleStatus.COLLECTING);
  }

  @Transactional
  public void recordBoardMeeting(String cycleKey, String processInstanceId, String held, String decisions) {
    access.requireCoordinatorFor("present the pack and record the board meeting");
    Cycle cycle = requireStep(cycleKey, processInstanceId, CycleStatus.PRESENTING);
    List<String> problems = new ArrayList<>();
    LocalDate date = date("boardMeetingHeld", held, problems);
    LocalDate quarterStart = quarterStart(cycle.period());
    if (date != null && date.isAfter(LocalDate.now(clock.withZone(UK)))) {
      problems.add("boardMeetingHeld: " + date + " is in the future: record the meeting once it has been held");
    } else if (date != null && date.isBefore(quarterStart)) {
      problems.add("boardMeetingHeld: " + date + " is before the quarter " + cycle.period() + " began on "
          + quarterStart + ": no meeting then can have seen its pack");
    }
    String text = decisions == null ? "" : decisions.strip();
    if (text.isEmpty()) {
      problems.add("boardDecisions: is required (write 'none' if the board decided nothing)");
    } else if (text.length() > MAX_DECISIONS) {
      problems.add("boardDecisions: is over the limit of " + MAX_DECISIONS + " characters");
    } else {
      TextLimits.unsafeCharacter(text, true).ifPresent(p -> problems.add("boardDecisions: " + p));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    cycles.recordBoardMeeting(cycleKey, date, text);
  }

  @Transactional
  public void close(String cycleKey, String processInstanceId) {
    requireStep(cycleKey, processInstanceId, CycleStatus.PRESENTING);
    cycles.close(cycleKey, OffsetDateTime.now(clock));
    lateReturns.endOpen(cycleKey);
  }

  /**
   * A cycle whose process instance was cancelled (in Cockpit) may be started again; its returns'
   * instances end with it, and what the returns had stored stays.
   */
  @Transactional
  public void cancelled(String cycleKey, String processInstanceId) {
    cycles.find(cycleKey)
        .filter(c -> c.status() != CycleStatus.CLOSED && c.processInstanceId().equals(processInstanceId))
        .ifPresent(c -> {
          cycles.setStatus(cycleKey, CycleStatus.CANCELLED);
          instances.end(List.copyOf(instances.running(cycleKey).values()), "the cycle " + cycleKey + " was cancelled");
        });
  }

  /** The strategy's cycles, in no particular order. */
  public List<Cycle> all(String strategyId) {
    return cycles.findAll(strategyId);
  }

  public Optional<Cycle> find(String cycleKey) {
    return cycles.find(cycleKey);
  }

  /** The strategy's cycles, as the application stores them, oldest period first. */
  public List<Cycle> all() {
    return cycles.findAll(catalogue.strategy().id());
  }

  public Cycle require(String cycleKey) {
    return cycles.find(cycleKey).orElseThrow(() -> new IllegalStateException("no cycle " + cycleKey));
  }

  /**
   * The cycle, when this process instance is the one that opened it and the cycle is in the
   * expected state; refused otherwise.
   */
  private Cycle requireStep(String cycleKey, String processInstanceId, CycleStatus expected) {
    Cycle cycle = cycleKey == null ? null : cycles.find(cycleKey).orElse(null);
    if (cycle == null || !cycle.processInstanceId().equals(processInstanceId)) {
      throw new NotAllowedException("process instance " + processInstanceId + " is not the cycle's process"
          + (cycle == null ? " (no cycle '" + cycleKey + "' was opened)" : " (" + cycle.period() + " runs in "
          + cycle.processInstanceId() + ")") + ": it cannot move the cycle");
    }
    if (cycle.status() != expected) {
      throw new InvalidInputException("the cycle " + cycle.period() + " is " + cycle.status().word()
          + ", not " + expected.word());
    }
    return cycle;
  }

  private LocalDate quarterStart(Period period) {
    return period.firstMonth(catalogue.strategy().financialYearStart()).atDay(1);
  }

  /**
   * A cycle's dates fall after its quarter has begun and within a year of its end: a date outside
   * is a slip of the keyboard (1900 for 2024, say), which would make every return overdue at once,
   * or put off its reminders for decades.
   */
  private void inQuarterWindow(String name, LocalDate date, Period period, List<String> problems) {
    if (date == null) {
      return;
    }
    LocalDate start = quarterStart(period);
    LocalDate latest = start.plusMonths(3).minusDays(1).plusYears(MAX_YEARS_AFTER_QUARTER);
    if (!date.isAfter(start)) {
      problems.add(name + ": " + date + " is not after the quarter " + period + " began on " + start);
    } else if (date.isAfter(latest)) {
      problems.add(name + ": " + date + " is more than a year after the quarter " + period + " ends: at the latest "
          + latest);
    }
  }

  private List<String> objectiveIds() {
    return catalogue.objectives().stream().map(Catalogue.Objective::id).toList();
  }

  /** A date as people here write it: 15/07/2024 (day first), or ISO 2024-07-15. */
  private static final java.time.format.DateTimeFormatter UK_DATE =
      java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private static LocalDate date(String name, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(name + ": is required (a date, as 15/07/2024 or 2024-07-15)");
      return null;
    }
    try {
      String text = value.strip();
      if (text.contains("/")) {
        return LocalDate.parse(text, UK_DATE);
      }
      // a date picker may send a date-time; its date is what counts
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add(name + ": '" + value + "' is not a date (write it as 15/07/2024 or 2024-07-15)");
      return null;
    }
  }
}
