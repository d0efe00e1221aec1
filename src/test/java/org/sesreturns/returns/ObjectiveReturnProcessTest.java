package org.sesreturns.returns;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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

  @BeforeEach
  void mocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    Mocks.register("returnLeads", new ReturnLeadsStub());
    Mocks.register("reassignReturnTaskListener", reassign);
    Mocks.register("completeReturnTaskListener", completeReturnForm);
    Mocks.register("submitReturnExecutionListener", submitReturn);
    Mocks.register("signOffReturnTaskListener", signOffForm);
    Mocks.register("signOffReturnExecutionListener", signOff);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void approvedReturnEndsSignedOff() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).isAssignedTo("mike.mullin");
    complete(task(instance));
    verify(submitReturn).notify(any());

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
    assertThat(task(instance)).isAssignedTo("stuart.barnes");
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));

    verify(signOff).notify(any());
    assertThat(instance).isWaitingAt("endEvent_returnSignedOff");
    execute(job(instance));
    assertThat(instance).isEnded();
    assertThat(instance).hasPassedInOrder(ObjectiveReturn.TASK_COMPLETE_RETURN, ObjectiveReturn.TASK_SIGN_OFF_RETURN,
        "endEvent_returnSignedOff");
  }

  @Test
  void returnedReturnGoesBackToProjectLead() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
    complete(task(instance));
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, false));

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).isAssignedTo("mike.mullin");
    verify(completeReturnForm, times(2)).notify(any());

    complete(task(instance));
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));
    execute(job(instance));
    assertThat(instance).isEnded();
    verify(submitReturn, times(2)).notify(any());
    verify(signOff, times(2)).notify(any());
  }

  @Test
  void refusedSubmissionLeavesTaskOpen() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
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
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
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
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
    complete(task(instance));
    doThrow(new InvalidInputException("signOffComment: is required")).when(signOff).notify(any());
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> taskService().complete(taskId, java.util.Map.of(ObjectiveReturn.APPROVED, false)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
  }
}
