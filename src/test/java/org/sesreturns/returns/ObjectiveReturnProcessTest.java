package org.sesreturns.returns;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
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
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.ProcessTestEngine;

/** Every path through objective-return.bpmn, its listeners mocked. */
@Deployment(resources = "processes/objective-return.bpmn")
class ObjectiveReturnProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.get()).build();

  private static final String KEY = "2024-25-Q1/business-growth";

  private final TaskListener completeReturnForm = mock(TaskListener.class);
  private final ExecutionListener submitReturn = mock(ExecutionListener.class);
  private final TaskListener signOffForm = mock(TaskListener.class);
  private final ExecutionListener signOff = mock(ExecutionListener.class);
  private final TaskListener reassign = mock(TaskListener.class);
  private final JavaDelegate tellLead = mock(JavaDelegate.class);
  private final JavaDelegate tellSesLead = mock(JavaDelegate.class);
  private final JavaDelegate tellSignedOff = mock(JavaDelegate.class);
  private final JavaDelegate chaseLead = mock(JavaDelegate.class);

  @BeforeEach
  void mocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    Mocks.register("returnLeads", new ReturnLeadsStub());
    Mocks.register("reassignReturnTaskListener", reassign);
    Mocks.register("completeReturnTaskListener", completeReturnForm);
    Mocks.register("submitReturnExecutionListener", submitReturn);
    Mocks.register("signOffReturnTaskListener", signOffForm);
    Mocks.register("signOffReturnExecutionListener", signOff);
    Mocks.register("tellLeadReturnToCompleteDelegate", tellLead);
    Mocks.register("tellSesLeadAwaitingSignOffDelegate", tellSesLead);
    Mocks.register("tellLeadSignedOffDelegate", tellSignedOff);
    Mocks.register("chaseLeadDelegate", chaseLead);
  }

  /** Starts the return and runs its first message step, so the lead's task is open. */
  private ProcessInstance issued() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
    execute(job(instance));
    return instance;
  }

  /** Completes the waiting task and runs the message step that follows it. */
  private void completeAndTell(ProcessInstance instance, Object... variables) {
    if (variables.length == 0) {
      complete(task(instance));
    } else {
      complete(task(instance), withVariables(variables[0].toString(), variables[1]));
    }
    execute(job(instance));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void approvedReturnEndsSignedOff() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);

    // the lead is told in a job of its own, after the issue has committed
    assertThat(instance).isWaitingAt("serviceTask_tellLeadReturnToComplete");
    verify(tellLead, times(0)).execute(any());
    execute(job(instance));
    verify(tellLead).execute(any());

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).isAssignedTo("mike.mullin");
    complete(task(instance));
    verify(submitReturn).notify(any());

    assertThat(instance).isWaitingAt("serviceTask_tellSesLeadAwaitingSignOff");
    execute(job(instance));
    verify(tellSesLead).execute(any());
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
    assertThat(task(instance)).isAssignedTo("stuart.barnes");
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));

    verify(signOff).notify(any());
    assertThat(instance).isWaitingAt("serviceTask_tellLeadSignedOff");
    execute(job(instance));
    verify(tellSignedOff).execute(any());
    assertThat(instance).isWaitingAt("endEvent_returnSignedOff");
    execute(job(instance));
    assertThat(instance).isEnded();
    assertThat(instance).hasPassedInOrder("serviceTask_tellLeadReturnToComplete", ObjectiveReturn.TASK_COMPLETE_RETURN,
        "serviceTask_tellSesLeadAwaitingSignOff", ObjectiveReturn.TASK_SIGN_OFF_RETURN, "serviceTask_tellLeadSignedOff",
        "endEvent_returnSignedOff");
  }

  @Test
  void aMailServerThatIsDownRetriesThenRaisesAnIncidentAndLosesNothing() throws Exception {
    ProcessInstance instance = issued();
    completeAndTell(instance);
    doThrow(new IllegalStateException("mail server down")).when(tellSignedOff).execute(any());
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));

    // the sign-off is done; the message step fails at each attempt until it is an incident
    verify(signOff).notify(any());
    for (int attempt = 0; attempt < 5; attempt++) {
      String jobId = job(instance).getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("mail server down");
    }
    org.assertj.core.api.Assertions.assertThat(job(instance).getRetries()).isZero();
    org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .isOne();
    assertThat(instance).isWaitingAt("serviceTask_tellLeadSignedOff");

    // the server is back and the job is retried, as Cockpit's retry does
    org.mockito.Mockito.reset(tellSignedOff);
    managementService().setJobRetries(job(instance).getId(), 1);
    execute(job(instance));
    execute(job(instance));
    assertThat(instance).isEnded();
  }

  @Test
  void aCoordinatorsChaseTellsTheLeadAndLeavesTheReturnOpen() throws Exception {
    ProcessInstance instance = issued();
    String taskId = task(instance).getId();

    runtimeService().correlateMessage(ObjectiveReturn.MESSAGE_CHASE, KEY);
    runtimeService().correlateMessage(ObjectiveReturn.MESSAGE_CHASE, KEY);
    for (var job : managementService().createJobQuery().processInstanceId(instance.getId()).list()) {
      execute(job);
    }

    verify(chaseLead, times(2)).execute(any());
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).hasId(taskId);
    completeAndTell(instance);
    // once submitted, there is nothing to chase
    assertThatThrownBy(() -> runtimeService().correlateMessage(ObjectiveReturn.MESSAGE_CHASE, KEY))
        .isInstanceOf(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class);
  }

  @Test
  void returnedReturnGoesBackToProjectLead() throws Exception {
    ProcessInstance instance = issued();
    completeAndTell(instance);
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, false));

    // sent back: the lead is told again (with the comment), then the task is theirs again
    assertThat(instance).isWaitingAt("serviceTask_tellLeadReturnToComplete");
    execute(job(instance));
    verify(tellLead, times(2)).execute(any());
    verify(tellSignedOff, times(0)).execute(any());
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).isAssignedTo("mike.mullin");
    verify(completeReturnForm, times(2)).notify(any());

    completeAndTell(instance);
    completeAndTell(instance, ObjectiveReturn.APPROVED, true);
    execute(job(instance));
    assertThat(instance).isEnded();
    verify(submitReturn, times(2)).notify(any());
    verify(signOff, times(2)).notify(any());
    verify(tellSesLead, times(2)).execute(any());
    verify(tellSignedOff).execute(any());
  }

  @Test
  void refusedSubmissionLeavesTaskOpen() throws Exception {
    ProcessInstance instance = issued();
    InvalidInputException refusal = new InvalidInputException("kpis[0].achieved: 'x' is not a plain number");
    doThrow(refusal).when(submitReturn).notify(any());
    String taskId = task(instance).getId();

    // the engine hands the listener's refusal to the caller as it is (not wrapped), which is what
    // lets the REST API answer 400 with its message
    assertThatThrownBy(() -> taskService().complete(taskId)).isSameAs(refusal);

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).hasId(taskId);
  }

  @Test
  void reassigningATaskAsksTheApplication() throws Exception {
    ProcessInstance instance = issued();
    List<String> assignees = new java.util.ArrayList<>();
    org.mockito.Mockito.doAnswer(call -> assignees.add(((org.camunda.bpm.engine.delegate.DelegateTask) call.getArgument(0))
        .getAssignee())).when(reassign).notify(any());

    taskService().setAssignee(task(instance).getId(), "claire.maguire");

    org.assertj.core.api.Assertions.assertThat(assignees).containsExactly("claire.maguire");
    org.mockito.Mockito.doThrow(new org.sesreturns.engine.NotAllowedException("only coordinators reassign"))
        .when(reassign).notify(any());
    String taskId = task(instance).getId();
    assertThatThrownBy(() -> taskService().setAssignee(taskId, "lee.payne"))
        .hasRootCauseInstanceOf(org.sesreturns.engine.NotAllowedException.class);
    assertThat(task(instance)).isAssignedTo("claire.maguire");
  }

  @Test
  void refusedSignOffLeavesTaskOpen() throws Exception {
    ProcessInstance instance = issued();
    completeAndTell(instance);
    doThrow(new InvalidInputException("signOffComment: is required")).when(signOff).notify(any());
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> taskService().complete(taskId, java.util.Map.of(ObjectiveReturn.APPROVED, false)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
  }
}
