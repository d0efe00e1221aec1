package org.sesreturns.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history, as the application needs it now that it keeps its own audit and message
 * log: history level {@code full} without two kinds of row nobody reads.
 *
 * <ul>
 *   <li>The job log keeps what each job did (succeeded, or failed and why), not that it was made
 *       and removed. A round of the reminder ladder makes three to five timers and removes those
 *       that did not fire when the round ends, each once a row when made and again when removed,
 *       with a read of its job definition for the row: 11 of a submission's 112 statements
 *       (StatementCountBenchmarkTest). A job's successes and failures, which operations and
 *       Cockpit's incidents need, are kept.
 *   <li>The activity history keeps the steps that mean something: tasks (who did what, with the
 *       user operation log), the ladder's timers and messages, the steps that send and compile.
 *       A model's scaffolding (start and end events, gateways, sub-processes) is not kept: each
 *       passed is an insert, an update and a read for its start time, 5 of a submission's
 *       statements, and Cockpit's view of an instance is built from the running executions, not
 *       from these rows.
 * </ul>
 *
 * <p>The level keeps the id and name of {@code full}, so a database set up at {@code full} is not
 * refused at start-up, and it equals {@code full} where the engine compares levels (its history
 * managers do).
 */
@Component
class EngineHistoryLevel extends AbstractProcessEnginePlugin {

  /** Activity types of a model's scaffolding, as the engine's BPMN parser names them. */
  private static final Set<String> SCAFFOLDING = Set.of("startEvent", "noneEndEvent", "terminateEndEvent",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "subProcess");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel level = configuration.getHistoryLevel();
    if (level != null && level.getId() == HistoryLevel.HISTORY_LEVEL_FULL.getId()) {
      configuration.setHistoryLevel(new Level());
    }
  }

  /** {@code full}, without the job log's rows of jobs made and removed and the scaffolding's activities. */
  static final class Level extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE) {
        return false;
      }
      if (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END) {
        return !scaffolding(entity);
      }
      return true;
    }

    /** The activity as the engine's history producer takes it: the execution's, or else its event's source. */
    private static boolean scaffolding(Object entity) {
      if (entity instanceof ExecutionEntity execution) {
        CoreModelElement activity = execution.getActivity() != null ? execution.getActivity() : execution.getEventSource();
        return activity != null && SCAFFOLDING.contains(activity.getProperties().get(BpmnProperties.TYPE));
      }
      return false;
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
