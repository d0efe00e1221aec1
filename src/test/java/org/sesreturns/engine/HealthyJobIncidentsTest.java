package org.sesreturns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's failed-job incidents behave as they did with the lookup of healthy jobs left out:
 * a job out of retries makes one, retries set again resolve it, a failed job removed with its
 * instance removes it, and a healthy job's removal (a timer unfired, a job done) leaves none.
 */
class HealthyJobIncidentsTest {

  private ProcessEngine engine;
  /** How often the engine's failed-job handler (the one the plugin wraps) is asked to remove an incident. */
  private final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void start() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:healthy-jobs;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setProcessEngineName("healthy-jobs");
    // the engine's own handler, counting what it is asked, is the one the plugin wraps
    configuration.setCustomIncidentHandlers(List.of(
        new org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler(org.camunda.bpm.engine.runtime.Incident.FAILED_JOB_HANDLER_TYPE) {
          @Override
          public void resolveIncident(org.camunda.bpm.engine.impl.incident.IncidentContext context) {
            asked.incrementAndGet();
            super.resolveIncident(context);
          }

          @Override
          public void deleteIncident(org.camunda.bpm.engine.impl.incident.IncidentContext context) {
            asked.incrementAndGet();
            super.deleteIncident(context);
          }
        }));
    configuration.setProcessEnginePlugins(List.of(new HealthyJobIncidents()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("steps.bpmn",
        Bpmn.createExecutableProcess("steps").camundaHistoryTimeToLive(1).startEvent()
            .userTask("task").boundaryEvent("reminder").cancelActivity(false).timerWithDate("2999-01-01T09:00:00")
            .endEvent().moveToActivity("task")
            .serviceTask("step").camundaAsyncBefore().camundaExpression("${execution.getVariable('fail') ? nothing.here : true}")
            .userTask("after").endEvent().done()).deploy();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aFailedJobMakesItsIncidentRetriesResolveItAndItsRemovalRemovesIt() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps", java.util.Map.of("fail", true)).getId();
    completeTask(instance);
    Job step = job(instance);
    for (int attempt = 0; attempt < 3; attempt++) {
      run(step);
    }
    assertThat(incidents(instance)).as("out of retries").isOne();

    engine.getManagementService().setJobRetries(step.getId(), 1);
    assertThat(incidents(instance)).as("retries set again").isZero();
    run(step);
    assertThat(incidents(instance)).as("out of retries again").isOne();

    int before = asked.get();
    engine.getRuntimeService().deleteProcessInstance(instance, "cancelled");
    assertThat(incidents(instance)).as("removed with its instance").isZero();
    assertThat(asked.get()).as("the engine's handler removed it").isGreaterThan(before);
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).deleted().count())
        .as("its history says so").isOne();
  }

  @Test
  void retriesSetAgainForTheWholeStepResolveTheIncidentWhenTheJobThenSucceeds() {
    // retries set by job definition (Cockpit's "increment retries" for a step): one bulk update,
    // which leaves the incident to be resolved when the job next succeeds
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps", java.util.Map.of("fail", true)).getId();
    completeTask(instance);
    Job step = job(instance);
    for (int attempt = 0; attempt < 3; attempt++) {
      run(step);
    }
    assertThat(incidents(instance)).isOne();
    engine.getManagementService().setJobRetriesByJobDefinitionId(step.getJobDefinitionId(), 1);
    engine.getRuntimeService().setVariable(instance, "fail", false);
    run(step);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .as("the step succeeded").isEqualTo("after");
    assertThat(incidents(instance)).as("resolved by the success").isZero();
  }

  @Test
  void aHealthyJobsRemovalLeavesNoIncident() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps", java.util.Map.of("fail", false)).getId();
    // the task completed: its timer is removed unfired; the step's job runs and is removed
    completeTask(instance);
    run(job(instance));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo("after");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count()).isZero();
    assertThat(incidents(instance)).isZero();
    // and the engine was not sent to look for an incident of either job (without the plugin: twice)
    assertThat(asked.get()).isZero();
  }

  private void completeTask(String instance) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("task").singleResult().getId());
  }

  private Job job(String instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
  }

  private void run(Job job) {
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException failed) {
      // the step fails, as it is made to
    }
  }

  private long incidents(String instance) {
    return engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count();
  }
}
