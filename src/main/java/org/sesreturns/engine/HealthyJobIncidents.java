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
 * A job that never failed has no failed-job incident, and the engine is not sent to look for one
 * when it removes the job. The engine reads the incidents of every job it removes (a timer of the
 * ladder removed unfired when a round ends, each job done): a read per job, four of a
 * submission's statements (StatementCountBenchmarkTest). A failed-job incident is made only when
 * a job has failed until its retries fell to 0, and a failure leaves its message on the job, so a
 * job with retries left and no failure recorded, as this transaction holds it, has none open.
 * (Retries alone would not do: retries set again by job definition, a bulk update, leave the
 * incident open until the job next succeeds and resolves it.) Every other job goes to the
 * engine's own handler as before: incidents are made, resolved and removed as they were.
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

  /** The engine's failed-job handler, not asked about the incident of a job that cannot have one. */
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
      if (!neverFailed(context)) {
        engines.resolveIncident(context);
      }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      if (!neverFailed(context)) {
        engines.deleteIncident(context);
      }
    }

    /** Whether the job the incident would be of (its configuration is the job's id) has never failed. */
    private static boolean neverFailed(IncidentContext context) {
      var command = Context.getCommandContext();
      if (command == null || context.getConfiguration() == null) {
        return false;
      }
      JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
      return job != null && job.getRetries() > 0 && job.getExceptionMessage() == null
          && job.getExceptionByteArrayId() == null;
    }
  }
}
