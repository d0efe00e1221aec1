package org.sesreturns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job log keeps what jobs did, not that they were made and removed: a round's timers removed
 * unfired leave no row, a job that ran leaves its success. The activity history keeps tasks and
 * steps, not the model's start and end events, gateways and sub-processes. The engine is at
 * {@code full} for everything else and for a database set up at {@code full}.
 */
class EngineHistoryLevelTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private static ProcessEngine engine(String database, boolean plugin) {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setProcessEngineName(database + (plugin ? "-plugin" : ""));
    if (plugin) {
      configuration.setProcessEnginePlugins(List.of(new EngineHistoryLevel()));
    }
    return configuration.buildProcessEngine();
  }

  /** A task with a far-off reminder timer and, after it, a step run by the job executor. */
  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess("round").camundaHistoryTimeToLive(1)
        .startEvent("start")
        .subProcess("withLead").embeddedSubProcess().startEvent("withLeadStart")
        .userTask("task").name("Complete")
        .boundaryEvent("reminder").cancelActivity(false).timerWithDate("2999-01-01T09:00:00").endEvent("reminded")
        .moveToActivity("task")
        .exclusiveGateway("decided").endEvent("withLeadEnd").subProcessDone()
        .serviceTask("step").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent("end")
        .done();
  }

  @Test
  void aTimerRemovedUnfiredLeavesNoRowAndAJobThatRanLeavesItsSuccess() {
    engine = engine("job-outcomes", true);
    engine.getRepositoryService().createDeployment().addModelInstance("round.bpmn", model()).deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("round").getId();
    // the task completed: its timer is removed unfired, and the step's job is made
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    engine.getTaskService().complete(task);
    Job step = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().executeJob(step.getId());

    List<HistoricJobLog> log = engine.getHistoryService().createHistoricJobLogQuery().list();
    assertThat(log).extracting(HistoricJobLog::getActivityId).containsExactly("step");
    assertThat(log.get(0).isSuccessLog()).isTrue();
    // the task and the step are in the activity history, the model's scaffolding is not
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .extracting(a -> a.getActivityId()).containsExactlyInAnyOrder("task", "step");
    // full in everything else: the task and the instance, ended, are in the history
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count())
        .isOne();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).finished()
        .singleResult()).isNotNull();
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    assertThat(level).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(level.getName()).isEqualTo("full");
  }

  @Test
  void aFailureIsKept() {
    engine = engine("job-failures", true);
    engine.getRepositoryService().createDeployment().addModelInstance("fails.bpmn",
        Bpmn.createExecutableProcess("fails").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("step").camundaAsyncBefore().camundaExpression("${nothing.here}").endEvent().done()).deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("fails").getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the step fails, as it is made to
    }
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().failureLog().count()).isOne();
  }

  @Test
  void aDatabaseSetUpAtFullIsAccepted() {
    // set up by an engine without the plugin, as an installation of an earlier version was
    ProcessEngine before = engine("job-upgrade", false);
    before.close();
    engine = engine("job-upgrade", true);
    assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel", "3");
  }
}
