package org.sesreturns.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.cycle.CycleStatus;
import org.sesreturns.reminders.WorkingDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the coordinator follows in Cockpit: every return of a cycle with its people, where it
 * stands, when it is due, how many working days overdue, and who touched it last. It reads the
 * application's own tables (returns, their audit trail and drafts), one query per cycle, so it is
 * the same after the cycle closes and after the engine's history is cleaned up; only the link to
 * an open task comes from the engine.
 */
@Component
class ProgressBoard {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** Where a return stands, as the coordinator reads it; in the order they act on it. */
  enum State {
    LATE("late", "Late"),
    OVERDUE("overdue", "Overdue"),
    SENT_BACK("sent-back", "Sent back"),
    REOPENED("reopened", "Reopened"),
    ISSUED("issued", "Issued"),
    SUBMITTED("submitted", "Awaiting sign-off"),
    // a cycle that has ended: what it went without first
    ENDED("ended", "Not received"),
    NOT_SIGNED_OFF("not-signed-off", "Submitted, not signed off"),
    SIGNED_OFF("signed-off", "Signed off");

    final String word;
    final String label;

    State(String word, String label) {
      this.word = word;
      this.label = label;
    }
  }

  record Row(String objective, String title, String projectLead, String sesLead, String state, String stateLabel,
      boolean withLead, boolean late, LocalDate due, int workingDaysOverdue, OffsetDateTime lastTouchedAt,
      String lastTouchedBy, String lastAction, String taskId) {}

  record Board(String key, String period, String reportDate, String status, LocalDate returnsDue, LocalDate boardMeeting,
      Map<String, Integer> counts, int needingAction, List<Row> returns, String packUrl, String packsPage) {}

  record CycleLine(String key, String period, String status, LocalDate returnsDue, boolean current) {}

  private final CycleService cycles;
  private final Catalogue catalogue;
  private final WorkingDays workingDays;
  private final OpenReturnTasks tasks;
  private final JdbcClient jdbc;
  private final Clock clock;

  ProgressBoard(CycleService cycles, Catalogue catalogue, WorkingDays workingDays, OpenReturnTasks tasks,
      JdbcClient jdbc, Clock clock) {
    this.cycles = cycles;
    this.catalogue = catalogue;
    this.workingDays = workingDays;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every cycle, the current one (the latest still running, else the latest) marked. */
  List<CycleLine> cycles() {
    List<Cycle> all = cycles.all();
    String current = current(all).map(Cycle::key).orElse(null);
    List<CycleLine> lines = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Cycle c = all.get(i);
      lines.add(new CycleLine(c.key(), c.period().text(), c.status().word(), c.returnsDue(), c.key().equals(current)));
    }
    return lines;
  }

  private static Optional<Cycle> current(List<Cycle> all) {
    return all.stream().filter(c -> c.status() != CycleStatus.CLOSED && c.status() != CycleStatus.CANCELLED)
        .reduce((a, b) -> b).or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
  }

  Optional<Board> current() {
    return current(cycles.all()).map(c -> board(c.key()));
  }

  Board board(String cycleKey) {
    Cycle cycle = cycles.require(cycleKey);
    boolean running = cycle.status() != CycleStatus.CLOSED && cycle.status() != CycleStatus.CANCELLED;
    LocalDate today = LocalDate.now(clock.withZone(UK));
    Map<String, String> openTasks = running ? tasks.of(cycleKey) : Map.of();
    Map<String, Integer> order = new HashMap<>();
    List<Catalogue.Objective> objectives = catalogue.objectives();
    for (int i = 0; i < objectives.size(); i++) {
      order.put(objectives.get(i).id(), i);
    }
    List<Row> rows = jdbc.sql("""
            select r.objective_id, r.status, r.project_lead, r.ses_lead, r.due_on, r.late_since, r.updated_at,
                   e.actor, e.at, e.event, d.saved_by, d.saved_at
            from objective_return r
            left join (select objective_id, max(id) as id from return_event where cycle_key = ? group by objective_id) last
                   on last.objective_id = r.objective_id
            left join return_event e on e.id = last.id
            left join return_draft d on d.return_id = r.id
            where r.cycle_key = ?""")
        .params(cycleKey, cycleKey)
        .query((rs, n) -> {
          String objective = rs.getString("objective_id");
          String status = rs.getString("status");
          boolean withLead = !status.equals("submitted") && !status.equals("signed-off");
          boolean late = rs.getObject("late_since") != null && !status.equals("signed-off");
          LocalDate due = rs.getObject("due_on", LocalDate.class);
          int overdue = running && withLead && due != null ? workingDays.between(due, today) : 0;
          State state = state(status, late, overdue, running);
          OffsetDateTime touchedAt = rs.getObject("at", OffsetDateTime.class);
          String touchedBy = rs.getString("actor");
          String action = rs.getString("event");
          OffsetDateTime draftAt = rs.getObject("saved_at", OffsetDateTime.class);
          if (draftAt != null && (touchedAt == null || draftAt.isAfter(touchedAt))) {
            touchedAt = draftAt;
            touchedBy = rs.getString("saved_by");
            action = "draft-saved";
          }
          return new Row(objective, catalogue.objective(objective).map(Catalogue.Objective::title).orElse(objective),
              catalogue.nameOf(rs.getString("project_lead")), catalogue.nameOf(rs.getString("ses_lead")), state.word,
              state.label, running && withLead, late, due, overdue, touchedAt, catalogue.nameOf(touchedBy), action,
              openTasks.get(objective));
        })
        .list();
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((Row r) -> stateOf(r.state()).ordinal())
        .thenComparing(Comparator.comparingInt(Row::workingDaysOverdue).reversed())
        .thenComparing(r -> order.getOrDefault(r.objective(), Integer.MAX_VALUE)));
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    Map<State, Integer> byState = new EnumMap<>(State.class);
    sorted.forEach(r -> byState.merge(stateOf(r.state()), 1, Integer::sum));
    byState.forEach((state, count) -> counts.put(state.word, count));
    int needing = (int) sorted.stream().filter(r -> stateOf(r.state()).ordinal() <= State.REOPENED.ordinal()).count();
    return new Board(cycle.key(), cycle.period().text(), cycle.period().months(catalogue.strategy().financialYearStart()),
        cycle.status().word(), cycle.returnsDue(), cycle.boardMeeting(), counts, needing, sorted,
        "/api/cycles/" + cycle.key() + "/pack", "/packs/#cycle-" + cycle.key());
  }

  private static State state(String status, boolean late, int overdue, boolean running) {
    if (status.equals("signed-off")) {
      return State.SIGNED_OFF;
    }
    if (!running) {
      return status.equals("submitted") ? State.NOT_SIGNED_OFF : State.ENDED;
    }
    if (late) {
      return State.LATE;
    }
    if (status.equals("submitted")) {
      return State.SUBMITTED;
    }
    if (overdue > 0) {
      return State.OVERDUE;
    }
    return switch (status) {
      case "returned" -> State.SENT_BACK;
      case "reopened" -> State.REOPENED;
      default -> State.ISSUED;
    };
  }

  private static State stateOf(String word) {
    for (State s : State.values()) {
      if (s.word.equals(word)) {
        return s;
      }
    }
    throw new IllegalStateException("unknown state " + word);
  }
}
