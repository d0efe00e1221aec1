package org.sesreturns.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sesreturns.catalogue.Period;
import org.sesreturns.store.TransactionReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CycleRepository {

  private final JdbcClient jdbc;
  /** A cycle is read by a submission's checks, its messages and the SES lead's new task: once. */
  private final TransactionReads reads;

  CycleRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.reads = new TransactionReads(dataSource);
  }

  Optional<Cycle> find(String key) {
    return reads.onceOptional(List.of("find", key),
        () -> jdbc.sql("select * from cycle where cycle_key = ?").param(key).query(CycleRepository::cycle).optional());
  }

  List<Cycle> findAll(String strategyId) {
    return reads.once(List.of("findAll", strategyId), () -> jdbc.sql("select * from cycle where strategy_id = ? order by period")
        .param(strategyId).query(CycleRepository::cycle).list().stream().toList());
  }

  /**
   * Locks the cycle's row until the transaction ends, so two nodes cannot open or move it at once.
   * Always read from the database: what the transaction read of it before may have changed since.
   */
  Optional<Cycle> lock(String key) {
    reads.forget();
    return jdbc.sql("select * from cycle where cycle_key = ? for update").param(key).query(CycleRepository::cycle).optional();
  }

  void insert(Cycle c) {
    reads.forget();
    jdbc.sql("""
            insert into cycle (cycle_key, strategy_id, period, returns_due, board_meeting, status,
                               process_instance_id, started_by, started_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.key(), c.strategyId(), c.period().text(), c.returnsDue(), c.boardMeeting(), c.status().word(),
            c.processInstanceId(), c.startedBy(), c.startedAt())
        .update();
  }

  /** Reuses the row of a cancelled cycle when its period is started again. */
  void restart(Cycle c) {
    reads.forget();
    jdbc.sql("""
            update cycle set returns_due = ?, board_meeting = ?, status = ?, process_instance_id = ?,
                             started_by = ?, started_at = ?, pack_approved_by = null, pack_approved_at = null,
                             board_meeting_held = null, board_decisions = null, closed_at = null
            where cycle_key = ?""")
        .params(c.returnsDue(), c.boardMeeting(), c.status().word(), c.processInstanceId(), c.startedBy(),
            c.startedAt(), c.key())
        .update();
  }

  void setStatus(String key, CycleStatus status) {
    reads.forget();
    jdbc.sql("update cycle set status = ? where cycle_key = ?").params(status.word(), key).update();
  }

  void approvePack(String key, String user, OffsetDateTime at) {
    reads.forget();
    jdbc.sql("update cycle set status = ?, pack_approved_by = ?, pack_approved_at = ? where cycle_key = ?")
        .params(CycleStatus.PRESENTING.word(), user, at, key).update();
  }

  void recordBoardMeeting(String key, LocalDate held, String decisions) {
    reads.forget();
    jdbc.sql("update cycle set board_meeting_held = ?, board_decisions = ? where cycle_key = ?")
        .params(held, decisions, key).update();
  }

  void recordLeftOut(String key, String user, String reason, OffsetDateTime at) {
    reads.forget();
    jdbc.sql("update cycle set compile_without_by = ?, compile_without_at = ?, compile_without_reason = ? where cycle_key = ?")
        .params(user, at, reason, key).update();
  }

  Optional<LeftOut> leftOut(String key) {
    return jdbc.sql("select compile_without_by, compile_without_at, compile_without_reason from cycle where cycle_key = ?")
        .param(key)
        .query((rs, n) -> rs.getString("compile_without_by") == null ? null : new LeftOut(rs.getString("compile_without_by"),
            rs.getObject("compile_without_at", OffsetDateTime.class), rs.getString("compile_without_reason")))
        .optional();
  }

  void close(String key, OffsetDateTime at) {
    reads.forget();
    jdbc.sql("update cycle set status = ?, closed_at = ? where cycle_key = ?")
        .params(CycleStatus.CLOSED.word(), at, key).update();
  }

  private static Cycle cycle(ResultSet rs, int n) throws SQLException {
    return new Cycle(rs.getString("cycle_key"), rs.getString("strategy_id"), Period.parse(rs.getString("period")),
        rs.getObject("returns_due", LocalDate.class), rs.getObject("board_meeting", LocalDate.class),
        CycleStatus.of(rs.getString("status")), rs.getString("process_instance_id"), rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class), rs.getString("pack_approved_by"),
        rs.getObject("pack_approved_at", OffsetDateTime.class), rs.getObject("board_meeting_held", LocalDate.class),
        rs.getString("board_decisions"), rs.getObject("closed_at", OffsetDateTime.class));
  }
}
