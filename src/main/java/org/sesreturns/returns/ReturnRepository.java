package org.sesreturns.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.sesreturns.catalogue.Status;
import org.sesreturns.store.TransactionReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The returns and their submissions in the application's tables. */
@Repository
class ReturnRepository {

  private final JdbcClient jdbc;
  /** A return is read by the submission's checks, the SES lead's new task and its timers: once. */
  private final TransactionReads reads;

  ReturnRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.reads = new TransactionReads(dataSource);
  }

  void issue(ReturnKey key, String projectLead, String sesLead, LocalDate due, OffsetDateTime now) {
    reads.forget();
    jdbc.sql("""
            insert into objective_return (cycle_key, objective_id, status, updated_at, project_lead, ses_lead, due_on,
                                          round_started_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(key.cycleKey(), key.objectiveId(), ReturnStatus.ISSUED.word(), now, projectLead, sesLead, due, now)
        .update();
  }

  /** The return's own row: who it belongs to, its state and its round, read once for all of them. */
  private record Row(long id, ReturnStatus status, String projectLead, String sesLead, boolean late, ReturnRound round) {}

  private Optional<Row> row(ReturnKey key) {
    return reads.onceOptional(List.of("row", key), () -> jdbc
        .sql("""
            select id, status, project_lead, ses_lead, late_since, due_on, round_started_at
            from objective_return where cycle_key = ? and objective_id = ?""")
        .params(key.cycleKey(), key.objectiveId())
        .query((rs, n) -> new Row(rs.getLong("id"), ReturnStatus.of(rs.getString("status")), rs.getString("project_lead"),
            rs.getString("ses_lead"), rs.getObject("late_since") != null,
            new ReturnRound(rs.getObject("due_on", LocalDate.class), rs.getObject("round_started_at", OffsetDateTime.class))))
        .optional());
  }

  Optional<StoredReturn> find(ReturnKey key) {
    return row(key).map(row -> new StoredReturn(row.id(), key, row.status(), row.projectLead(), row.sesLead(),
        latestVersion(row.id())));
  }

  /** Who a return belongs to, without its submissions: read each time one of its tasks is created. */
  record Leads(long id, String projectLead, String sesLead) {}

  Optional<Leads> leads(ReturnKey key) {
    return row(key).map(row -> new Leads(row.id(), row.projectLead(), row.sesLead()));
  }

  /** Records who now completes ({@code project_lead}) or signs off ({@code ses_lead}) the return. */
  void setLead(long returnId, String column, String userId) {
    reads.forget();
    if (!column.equals("project_lead") && !column.equals("ses_lead")) {
      throw new IllegalArgumentException(column);
    }
    jdbc.sql("update objective_return set " + column + " = ? where id = ?").params(userId, returnId).update();
  }

  /** A return's id and status, without its submissions. */
  record State(long id, ReturnStatus status, boolean late) {}

  /** Each return of the cycle by objective id: one query, for decisions that need no figures. */
  Map<String, State> states(String cycleKey) {
    Map<String, State> states = new LinkedHashMap<>();
    jdbc.sql("select id, objective_id, status, late_since from objective_return where cycle_key = ?")
        .param(cycleKey)
        .query((rs, n) -> states.put(rs.getString("objective_id"),
            new State(rs.getLong("id"), ReturnStatus.of(rs.getString("status")), rs.getObject("late_since") != null)))
        .list();
    return states;
  }

  List<StoredReturn> findAll(String cycleKey) {
    return jdbc.sql("select id, objective_id, status, project_lead, ses_lead from objective_return where cycle_key = ? order by id")
        .param(cycleKey)
        .query((rs, n) -> new StoredReturn(rs.getLong("id"), new ReturnKey(cycleKey, rs.getString("objective_id")),
            ReturnStatus.of(rs.getString("status")), rs.getString("project_lead"), rs.getString("ses_lead"),
            Optional.empty()))
        .list()
        .stream()
        .map(r -> new StoredReturn(r.id(), r.key(), r.status(), r.projectLead(), r.sesLead(), latestVersion(r.id())))
        .toList();
  }

  void setStatus(long returnId, ReturnStatus status, OffsetDateTime now) {
    reads.forget();
    jdbc.sql("update objective_return set status = ?, updated_at = ? where id = ?")
        .params(status.word(), now, returnId)
        .update();
  }

  void reopen(long returnId, String user, String comment, OffsetDateTime now) {
    reads.forget();
    jdbc.sql("""
            update objective_return set status = ?, updated_at = ?, reopened_by = ?, reopened_at = ?, reopen_comment = ?,
                                        late_since = null
            where id = ?""")
        .params(ReturnStatus.REOPENED.word(), now, user, now, comment, returnId)
        .update();
  }

  void markLate(long returnId, OffsetDateTime now) {
    reads.forget();
    jdbc.sql("update objective_return set late_since = ?, round_started_at = ? where id = ? and late_since is null")
        .params(now, now, returnId).update();
  }

  boolean isLate(ReturnKey key) {
    return row(key).map(Row::late).orElse(false);
  }

  /** Starts a round of the return, due on {@code due}. */
  void startRound(long returnId, LocalDate due, OffsetDateTime now) {
    reads.forget();
    jdbc.sql("update objective_return set due_on = ?, round_started_at = ? where id = ?").params(due, now, returnId).update();
  }

  Optional<ReturnRound> round(ReturnKey key) {
    return row(key).map(Row::round);
  }

  /** The coordinator's reason for reopening the return, if it was reopened. */
  Optional<String> reopenComment(long returnId) {
    return jdbc.sql("select reopen_comment from objective_return where id = ?").param(returnId)
        .query(String.class).optional();
  }

  /**
   * Stores a submission as the return's version {@code version}, the one after its latest as the
   * caller read it in this transaction; the unique key refuses a second of the same number.
   */
  void addSubmission(long returnId, int version, Status previousStatus, Submission submission, String user,
      OffsetDateTime now) {
    reads.forget();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into return_submission
              (return_id, version, previous_status, overall_status, commentary, submitted_by, submitted_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(returnId, version, previousStatus == null ? null : previousStatus.word(),
            submission.overallStatus().word(), submission.commentary(), user, now)
        .update(keys, "id");
    long submissionId = keys.getKey().longValue();
    int position = 0;
    for (Submission.KpiValue kpi : submission.kpis()) {
      jdbc.sql("""
              insert into kpi_value (submission_id, position, kpi_id, title, target, achieved, status, progress)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(submissionId, position++, kpi.kpiId(), kpi.title(), kpi.target(), kpi.achieved(),
              kpi.status().word(), kpi.progress())
          .update();
    }
  }

  void decide(long submissionId, String decision, String user, String comment, OffsetDateTime now) {
    reads.forget();
    jdbc.sql("""
            update return_submission set decision = ?, decided_by = ?, decided_at = ?, decision_comment = ?
            where id = ?""")
        .params(decision, user, now, comment, submissionId)
        .update();
  }

  /** Every submission of the return, the first first, each with its decision. */
  List<StoredReturn.Version> versions(long returnId) {
    return jdbc.sql("select * from return_submission where return_id = ? order by version")
        .param(returnId)
        .query(this::version)
        .list();
  }

  record Reopening(String by, OffsetDateTime at, String comment) {}

  /** The coordinator's reopening of a signed-off return from the pack review, if it was. */
  Optional<Reopening> reopening(long returnId) {
    return reads.onceOptional(List.of("reopening", returnId), () -> jdbc
        .sql("select reopened_by, reopened_at, reopen_comment from objective_return where id = ? and reopened_at is not null")
        .param(returnId)
        .query((rs, n) -> new Reopening(rs.getString("reopened_by"), rs.getObject("reopened_at", OffsetDateTime.class),
            rs.getString("reopen_comment")))
        .optional());
  }

  private Optional<StoredReturn.Version> latestVersion(long returnId) {
    return reads.onceOptional(List.of("latestVersion", returnId), () -> jdbc
        .sql("select * from return_submission where return_id = ? order by version desc fetch first 1 rows only")
        .param(returnId)
        .query(this::version)
        .optional());
  }

  private StoredReturn.Version version(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    String previous = rs.getString("previous_status");
    var submission = new Submission(Status.of(rs.getString("overall_status")).orElseThrow(),
        rs.getString("commentary"), kpis(id));
    return new StoredReturn.Version(id, rs.getInt("version"),
        previous == null ? null : Status.of(previous).orElseThrow(), submission,
        rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("decision"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decision_comment"));
  }

  private List<Submission.KpiValue> kpis(long submissionId) {
    return new ArrayList<>(jdbc.sql("select * from kpi_value where submission_id = ? order by position")
        .param(submissionId)
        .query((rs, n) -> new Submission.KpiValue(rs.getString("kpi_id"), rs.getString("title"),
            rs.getString("target"), rs.getString("achieved"), Status.of(rs.getString("status")).orElseThrow(),
            rs.getString("progress")))
        .list());
  }
}
