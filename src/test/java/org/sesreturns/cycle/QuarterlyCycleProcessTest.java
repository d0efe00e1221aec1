package org.sesreturns.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sesreturns.returns.ObjectiveReturn;
import org.sesreturns.notices.ReturnLadderStub;
import org.sesreturns.returns.ReturnLeadsStub;
import org.sesreturns.engine.ProcessTestEngine;

/** Every path through quarterly-cycle.bpmn, its delegates and listeners mocked. */
@Deployment(resources = {"processes/quarterly-cycle.bpmn", "processes/objective-return.bpmn"})
class QuarterlyCycleProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.get()).build();

  /** The returns the cycle collects, as CycleService would answer, and those signed off. */
  private List<String> toCollect = List.of("growth", "housing");
  private final java.util.Set<String> signedOff = new java.util.HashSet<>();
  private final ExecutionListener everyReturnSignedOff = mock(ExecutionListener.class);
  private final List<Integer> batchesRun = new java.util.ArrayList<>();

  /** The returns to collect that have no instance running. */
  private List<String> pending() {
    var running = runtimeService().createProcessInstanceQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
        .list().stream().map(p -> p.getBusinessKey().substring("2024-25-Q1/".length())).toList();
    return toCollect.stream().filter(id -> !running.contains(id) && !signedOff.contains(id)).toList();
  }
  private final JavaDelegate compilePack = mock(JavaDelegate.class);
  private final JavaDelegate tellCoordinators = mock(JavaDelegate.class);
  private final JavaDelegate tellBoard = mock(JavaDelegate.class);
  private final ExecutionListener reviewPack = mock(ExecutionListener.class);
  private final ExecutionListener executiveSummary = mock(ExecutionListener.class);
  private final ExecutionListener presentPack = mock(ExecutionListener.class);
  private final JavaDelegate closeCycle = mock(JavaDelegate.class);
  private final ExecutionListener cycleCancelled = mock(ExecutionListener.class);
  private final TaskListener missingReturnsForm = mock(TaskListener.class);
  private final ExecutionListener leaveOutMissing = mock(ExecutionListener.class);
  private final JavaDelegate compileWithoutMissing = mock(JavaDelegate.class);

  /** When the returns are due, as the process tests' stand-in for {@link CycleDeadlines}: far ahead, so only a test fires it. */
  public static class CycleDeadlinesStub {
    public java.util.Date returnsDueOf(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return java.util.Date.from(java.time.Instant.parse("2099-07-15T16:00:00Z"));
    }
  }

  /** The issuing's batches, as the process tests' stand-in for {@link ReturnsToIssue}: a batch per pending return. */
  public static class ReturnsToIssueStub {
    private final java.util.function.Supplier<List<String>> pending;

    ReturnsToIssueStub(java.util.function.Supplier<List<String>> pending) {
      this.pending = pending;
    }

    public List<Integer> batches(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return java.util.stream.IntStream.range(0, pending.get().size()).boxed().toList();
    }
  }

  @BeforeEach
  void mocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    Mocks.register("openCycleDelegate", (JavaDelegate) execution -> execution.setProcessBusinessKey("2024-25-Q1"));
    // one return per batch, so that the batches are several; the real size is ses.cycle.issue-batch-size
    Mocks.register("returnsToIssue", new ReturnsToIssueStub(this::pending));
    Mocks.register("issueReturnsDelegate", (JavaDelegate) execution -> {
      batchesRun.add((Integer) execution.getVariableLocal("issueBatch"));
      var pending = pending();
      if (!pending.isEmpty()) {
        runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, "2024-25-Q1/" + pending.get(0));
      }
    });
    Mocks.register("checkReturnsInDelegate", (JavaDelegate) execution -> execution.setVariableLocal("everyReturnSignedOff",
        org.camunda.bpm.engine.variable.Variables.booleanValue(signedOff.containsAll(toCollect), true)));
    Mocks.register("tellCycleReturnSignedOffDelegate", (JavaDelegate) execution -> {
      signedOff.add(execution.getProcessBusinessKey().substring("2024-25-Q1/".length()));
      if (signedOff.containsAll(toCollect)) {
        runtimeService().createMessageCorrelation(QuarterlyCycle.MESSAGE_RETURNS_SIGNED_OFF)
            .processInstanceBusinessKey("2024-25-Q1").correlateAllWithResult();
      }
    });
    Mocks.register("returnsSignedOffExecutionListener", everyReturnSignedOff);
    Mocks.register("compilePackDelegate", compilePack);
    Mocks.register("packTaskListener", mock(TaskListener.class));
    Mocks.register("reviewPackExecutionListener", reviewPack);
    Mocks.register("executiveSummaryExecutionListener", executiveSummary);
    Mocks.register("presentPackExecutionListener", presentPack);
    Mocks.register("closeCycleDelegate", closeCycle);
    Mocks.register("cycleCancelledExecutionListener", cycleCancelled);
    Mocks.register("cycleDeadlines", new CycleDeadlinesStub());
    Mocks.register("compileWithoutMissingTaskListener", missingReturnsForm);
    Mocks.register("compileWithoutMissingExecutionListener", leaveOutMissing);
    Mocks.register("compilePackWithoutMissingDelegate", compileWithoutMissing);
    // the called return process, with its own listeners out of the way
    Mocks.register("returnLeads", new ReturnLeadsStub());
    Mocks.register("returnLadder", new ReturnLadderStub());
    for (String name : List.of("completeReturnTaskListener", "signOffReturnTaskListener", "reassignReturnTaskListener")) {
      Mocks.register(name, mock(TaskListener.class));
    }
    for (String name : List.of("submitReturnExecutionListener", "signOffReturnExecutionListener")) {
      Mocks.register(name, mock(ExecutionListener.class));
    }
    for (String name : List.of("tellLeadReturnToCompleteDelegate", "remindLeadBeforeDueDelegate",
        "remindLeadOnDueDateDelegate", "chaseOverdueLeadDelegate", "escalateOverdueReturnDelegate", "chaseLeadDelegate",
        "tellSesLeadAwaitingSignOffDelegate", "remindSesLeadDelegate", "escalateSignOffDelegate",
        "tellLeadSignedOffDelegate", "addReturnToPackDelegate")) {
      Mocks.register(name, mock(JavaDelegate.class));
    }
    Mocks.register("tellCoordinatorsPackToReviewDelegate", tellCoordinators);
    Mocks.register("tellBoardPackApprovedDelegate", tellBoard);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** Starts a cycle and runs its issuing, each batch a job and its end another, until it waits for the returns. */
  private ProcessInstance start() {
    ProcessInstance cycle = runtimeService().startProcessInstanceByKey(QuarterlyCycle.PROCESS_KEY, withVariables(
        QuarterlyCycle.PERIOD, "2024-25 Q1", QuarterlyCycle.RETURNS_DUE, "2024-07-15",
        QuarterlyCycle.BOARD_MEETING, "2024-08-01"));
    // the start answers before any return is issued: the batches are jobs
    assertThat(issuingJob(cycle) != null || signedOff.containsAll(toCollect)).isTrue();
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY).count()).isZero();
    issueReturns(cycle);
    return cycle;
  }

  private static void issueReturns(ProcessInstance cycle) {
    for (var job = issuingJob(cycle); job != null; job = issuingJob(cycle)) {
      execute(job);
    }
  }

  private static org.camunda.bpm.engine.runtime.Job issuingJob(ProcessInstance cycle) {
    // the multi-instance body's own before the batches exist, then a batch's job or its end's
    for (String activity : List.of("serviceTask_issueReturns#multiInstanceBody", "serviceTask_issueReturns")) {
      var jobs = managementService().createJobQuery().processInstanceId(cycle.getId()).activityId(activity).list();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    return null;
  }

  private void signOffReturn(String objectiveId) {
    String instance = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2024-25-Q1/" + objectiveId)
        .singleResult().getId();
    var returnTask = taskQuery().processInstanceBusinessKey("2024-25-Q1/" + objectiveId);
    runJobs(instance);
    complete(returnTask.singleResult());
    runJobs(instance);
    complete(returnTask.singleResult(), withVariables(ObjectiveReturn.APPROVED, true));
    // the lead is told, and the cycle, in jobs of their own
    runJobs(instance);
  }

  /** Runs the process instance's jobs (its message steps and its end) until it waits for a person. */
  private static void runJobs(String processInstanceId) {
    for (var job = next(processInstanceId); job != null; job = next(processInstanceId)) {
      execute(job);
    }
  }

  private static org.camunda.bpm.engine.runtime.Job next(String processInstanceId) {
    return managementService().createJobQuery().processInstanceId(processInstanceId).executable().list().stream()
        .findFirst().orElse(null);
  }

  @Test
  void cycleRunsFromReturnsToBoardAndCloses() throws Exception {
    ProcessInstance cycle = start();

    BpmnAwareTests.assertThat(cycle).isWaitingAt("receiveTask_awaitReturns");
    assertThat(batchesRun).containsExactlyInAnyOrder(0, 1);
    BpmnAwareTests.assertThat(cycle).hasPassedInOrder("serviceTask_issueReturns", "serviceTask_checkReturnsIn",
        "gateway_everyReturnIssued");
    assertThat(cycle.getBusinessKey()).isEqualTo("2024-25-Q1");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2024-25-Q1").count()).isOne();
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
        .list()).extracting(p -> p.getBusinessKey())
        .containsExactlyInAnyOrder("2024-25-Q1/growth", "2024-25-Q1/housing");

    signOffReturn("growth");
    BpmnAwareTests.assertThat(cycle).isWaitingAt("receiveTask_awaitReturns");
    signOffReturn("housing");

    verify(everyReturnSignedOff).notify(any());
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_compilePack");
    execute(job(cycle));
    verify(compilePack).execute(any());
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_tellCoordinatorsPackToReview");
    execute(job(cycle));
    verify(tellCoordinators).execute(any());

    BpmnAwareTests.assertThat(cycle).isWaitingAt(QuarterlyCycle.TASK_REVIEW_PACK);
    BpmnAwareTests.assertThat(task(cycle)).hasCandidateGroup("ses-coordinators");
    complete(task(cycle), withVariables(QuarterlyCycle.PACK_APPROVED, true));
    // the review is recorded first, then its executive summary (a new version needs the approval's time)
    var order = inOrder(reviewPack, executiveSummary);
    order.verify(reviewPack).notify(any());
    order.verify(executiveSummary).notify(any());
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_tellBoardPackApproved");
    execute(job(cycle));
    verify(tellBoard).execute(any());

    BpmnAwareTests.assertThat(cycle).isWaitingAt(QuarterlyCycle.TASK_PRESENT_PACK);
    BpmnAwareTests.assertThat(task(cycle)).hasCandidateGroup("ses-coordinators");
    complete(task(cycle), withVariables(QuarterlyCycle.BOARD_MEETING_HELD, "2024-08-01",
        QuarterlyCycle.BOARD_DECISIONS, "Noted"));

    verify(presentPack).notify(any());
    verify(closeCycle).execute(any());
    BpmnAwareTests.assertThat(cycle).hasPassedInOrder(QuarterlyCycle.TASK_REVIEW_PACK,
        QuarterlyCycle.TASK_PRESENT_PACK, "serviceTask_closeCycle", "endEvent_cycleClosed").isEnded();
  }

  @Test
  void packNotApprovedCollectsReopenedReturnsAgain() throws Exception {
    ProcessInstance cycle = start();
    signOffReturn("growth");
    signOffReturn("housing");
    runJobs(cycle.getId());

    toCollect = List.of("housing");
    signedOff.remove("housing");
    complete(task(cycle), withVariables(QuarterlyCycle.PACK_APPROVED, false));
    verify(tellBoard, times(0)).execute(any());

    issueReturns(cycle);
    BpmnAwareTests.assertThat(cycle).isWaitingAt("receiveTask_awaitReturns");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
        .list()).extracting(p -> p.getBusinessKey()).containsExactly("2024-25-Q1/housing");

    signOffReturn("housing");
    runJobs(cycle.getId());
    verify(compilePack, times(2)).execute(any());
    verify(tellCoordinators, times(2)).execute(any());
    BpmnAwareTests.assertThat(cycle).isWaitingAt(QuarterlyCycle.TASK_REVIEW_PACK);
  }

  @Test
  void onceReturnsAreDueTheCoordinatorsMayCompileWithoutTheMissingOnes() throws Exception {
    ProcessInstance cycle = start();
    signOffReturn("growth");

    // the due date passes: the coordinators may decide, in Tasklist, to compile without housing
    execute(managementService().createJobQuery().processInstanceId(cycle.getId()).activityId("timer_returnsDue").singleResult());
    var decision = taskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(QuarterlyCycle.TASK_COMPILE_WITHOUT_MISSING)
        .singleResult();
    BpmnAwareTests.assertThat(decision).hasCandidateGroup("ses-coordinators");
    verify(missingReturnsForm).notify(any());
    complete(decision, withVariables(QuarterlyCycle.COMPILE_REASON, "The board meets on Thursday"));
    verify(leaveOutMissing).notify(any());

    // the collection stops; the outstanding return's instance is not the cycle's (LateReturns starts it again as late)
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY).list())
        .extracting(p -> p.getBusinessKey()).containsExactly("2024-25-Q1/housing");
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_compilePackWithoutMissing");
    execute(job(cycle));
    verify(compileWithoutMissing).execute(any());
    verify(compilePack, times(0)).execute(any());
    execute(job(cycle));
    verify(tellCoordinators).execute(any());
    BpmnAwareTests.assertThat(cycle).isWaitingAt(QuarterlyCycle.TASK_REVIEW_PACK);
    BpmnAwareTests.assertThat(cycle).hasPassedInOrder("endEvent_missingReturnsLeftOut", "boundaryEvent_compileWithoutMissing",
        "serviceTask_compilePackWithoutMissing", "gateway_packCompiled", "serviceTask_tellCoordinatorsPackToReview");
  }

  @Test
  void theDecisionGoesOnceEveryReturnIsIn() throws Exception {
    ProcessInstance cycle = start();
    execute(managementService().createJobQuery().processInstanceId(cycle.getId()).activityId("timer_returnsDue").singleResult());
    assertThat(taskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(QuarterlyCycle.TASK_COMPILE_WITHOUT_MISSING)
        .count()).isOne();

    signOffReturn("growth");
    signOffReturn("housing");

    assertThat(taskQuery().processInstanceId(cycle.getId()).count()).isZero();
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_compilePack");
    execute(job(cycle));
    verify(compilePack).execute(any());
    verify(compileWithoutMissing, times(0)).execute(any());
  }

  @Test
  void failingCompilationRetriesThenRaisesIncident() throws Exception {
    ProcessInstance cycle = start();
    doThrow(new IllegalStateException("template missing")).when(compilePack).execute(any());
    signOffReturn("growth");
    signOffReturn("housing");

    for (int attempt = 0; attempt < 3; attempt++) {
      String jobId = job(cycle).getId();
      try {
        managementService().executeJob(jobId);
      } catch (IllegalStateException expected) {
        // each attempt fails; the retry cycle counts down
      }
    }
    assertThat(job(cycle).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(cycle.getId()).count()).isOne();
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_compilePack");
  }

  @Test
  void cancelledCycleFreesItsPeriod() throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    org.mockito.Mockito.doAnswer(call -> {
      org.camunda.bpm.engine.delegate.DelegateExecution execution = call.getArgument(0);
      seen.add(execution.isCanceled() + " " + execution.getProcessBusinessKey() + " " + execution.getProcessInstanceId());
      return null;
    }).when(cycleCancelled).notify(any());
    ProcessInstance cycle = start();

    runtimeService().deleteProcessInstance(cycle.getId(), "started by mistake");

    // the listener learns that this cycle's own instance was cancelled, which is what frees the
    // period (CycleService.cancelled; CycleCancellationIT starts the period again)
    assertThat(seen).containsExactly("true 2024-25-Q1 " + cycle.getId());
    BpmnAwareTests.assertThat(cycle).isEnded();
  }

  @Test
  void aCycleWhoseReturnsAreAllSignedOffAlreadyGoesStraightToThePack() throws Exception {
    // a cancelled cycle started again after every return was signed off: nothing left to issue
    signedOff.addAll(toCollect);
    ProcessInstance cycle = start();

    assertThat(batchesRun).isEmpty();
    BpmnAwareTests.assertThat(cycle).hasPassed("serviceTask_checkReturnsIn", "endEvent_returnsIn")
        .hasNotPassed("receiveTask_awaitReturns");
    BpmnAwareTests.assertThat(cycle).isWaitingAt("serviceTask_compilePack");
  }
}
