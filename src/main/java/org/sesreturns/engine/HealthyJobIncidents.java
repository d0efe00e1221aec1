package org.sesreturns.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A job removed while it still has retries left has no failed-job incident, and the engine is not
 * sent to look for one. The engine reads the incidents of every job it removes (a timer of the
 * ladder removed unfired when a round ends, each job done): a read per job, four of a
 * submission's statements (StatementCountBenchmarkTest). A failed-job incident is made when a
 * job's retries fall to 0 and resolved when they are set above 0 again (the engine's
 * {@code JobEntity.setRetries}), so a job with retries left, as this transaction holds it, has
 * none open. Every other case, a job out of retries among them, goes to the engine's own handler
 * as before: incidents are made, resolved and removed as they were.
 */
@Component
class HealthyJobIncidents extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    IncidentHandler engines = configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
    if (engines != null) {
      configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE, new Handler(engines));
    }
  }

  /** The engine's failed-job handler, not asked to remove the incident of a job that cannot have one. */
  static final class Handler implements IncidentHandler {

    private final IncidentHandler engines;

    Handler(IncidentHandler engines) {
      this.engines = engines;
    }

    @Override
    public String getIncidentHandlerType() {
      return engines.getIncidentHandlerType();
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      return engines.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      if (!hasRetriesLeft(context)) {
        engines.resolveIncident(context);
      }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      if (!hasRetriesLeft(context)) {
        engines.deleteIncident(context);
      }
    }

    /** Whether the job the incident would be of (its configuration is the job's id) has retries left now. */
    private static boolean hasRetriesLeft(IncidentContext context) {
      var command = Context.getCommandContext();
      if (command == null || context.getConfiguration() == null) {
        return false;
      }
      JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
      return job != null && job.getRetries() > 0;
    }
  }
}
