package org.sesreturns.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's job log keeps what each job did (succeeded, or failed and why), not that it was
 * made and removed. A round of the reminder ladder makes three to five timers and removes those
 * that did not fire when the round ends: each kept as a job log row when made and another when
 * removed, with a read of its job definition for the row, 11 of a submission's 112 statements
 * (StatementCountBenchmarkTest). Nothing reads those rows: the application keeps its own record of
 * what was sent and when (the message log, the audit), and a job's successes and failures, which
 * operations and Cockpit's incidents need, are kept as before.
 *
 * <p>History level {@code full} in every other respect. The level keeps the id and name of
 * {@code full}, so a database set up at {@code full} is not refused at start-up, and it equals
 * {@code full} where the engine compares levels (its history managers do).
 */
@Component
class JobOutcomesHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel level = configuration.getHistoryLevel();
    if (level != null && level.getId() == HistoryLevel.HISTORY_LEVEL_FULL.getId()) {
      configuration.setHistoryLevel(new Level());
    }
  }

  /** {@code full}, without the job log's rows of jobs made and removed. */
  static final class Level extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.JOB_CREATE && eventType != HistoryEventTypes.JOB_DELETE;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof HistoryLevel level && level.getId() == getId();
    }

    @Override
    public int hashCode() {
      return getId();
    }
  }
}
