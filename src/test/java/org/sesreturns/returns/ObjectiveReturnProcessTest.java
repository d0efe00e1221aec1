package org.sesreturns.returns;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.sesreturns.identity.NotAllowedException;
import org.sesreturns.notices.ReturnLadderStub;

/**
 * Every path through objective-return.bpmn, its listeners and delegates mocked, every timer fired
 * by executing its job: who is told what at each step of the ladder, that a submission or a
 * decision stops its ladder, and that a return sent back climbs it again.
 */
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
  private final JavaDelegate remindBeforeDue = mock(JavaDelegate.class);
  private final JavaDelegate remindOnDueDate = mock(JavaDelegate.class);
  private final JavaDelegate chaseOverdue = mock(JavaDelegate.class);
  private final JavaDelegate escalateOverdue = mock(JavaDelegate.class);
  private final JavaDelegate chaseLead = mock(JavaDelegate.class);
  private final JavaDelegate tellSesLead = mock(JavaDelegate.class);
  private final JavaDelegate remindSesLead = mock(JavaDelegate.class);
  private final JavaDelegate escalateSignOff = mock(JavaDelegate.class);
  private final JavaDelegate tellSignedOff = mock(JavaDelegate.class);
  private final JavaDelegate addToPack = mock(JavaDelegate.class);
  private final JavaDelegate tellCycle = mock(JavaDelegate.class);

  /** The ladder's timers and messages on the lead's task, and on the SES lead's. */
  private static final List<String> LEAD_LADDER = List.of("timer_returnHandedToLead", "timer_reminderBeforeDue",
      "timer_returnDueToday", "timer_returnOverdue", "timer_returnLongOverdue");
  private static final List<String> SES_LEAD_LADDER = List.of("timer_returnAwaitingSignOff", "timer_signOffWaiting",
      "timer_signOffLongAwaited");

  @BeforeEach
  void mocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    Mocks.register("returnLeads", new ReturnLeadsStub());
    Mocks.register("returnLadder", new ReturnLadderStub());
    Mocks.register("reassignReturnTaskListener", reassign);
    Mocks.register("completeReturnTaskListener", completeReturnForm);
    Mocks.register("submitReturnExecutionListener", submitReturn);
    Mocks.register("signOffReturnTaskListener", signOffForm);
    Mocks.register("taskDatesGuard", new TaskDatesGuard());
    Mocks.register("signOffReturnExecutionListener", signOff);
    Mocks.register("tellLeadReturnToCompleteDelegate", tellLead);
    Mocks.register("remindLeadBeforeDueDelegate", remindBeforeDue);
    Mocks.register("remindLeadOnDueDateDelegate", remindOnDueDate);
    Mocks.register("chaseOverdueLeadDelegate", chaseOverdue);
    Mocks.register("escalateOverdueReturnDelegate", escalateOverdue);
    Mocks.register("chaseLeadDelegate", chaseLead);
    Mocks.register("tellSesLeadAwaitingSignOffDelegate", tellSesLead);
    Mocks.register("remindSesLeadDelegate", remindSesLead);
    Mocks.register("escalateSignOffDelegate", escalateSignOff);
    Mocks.register("tellLeadSignedOffDelegate", tellSignedOff);
    Mocks.register("addReturnToPackDelegate", addToPack);
    Mocks.register("tellCycleReturnSignedOffDelegate", tellCycle);
  }

  @AfterEach
  void clearMocks() {
    Mocks.reset();
  }

  /** The job waiting at an element: a timer, or the asynchronous step after it. */
  private static Job jobAt(ProcessInstance instance, String activityId) {
    Job job = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    Assertions.assertThat(job).as("a job at " + activityId).isNotNull();
    return job;
  }

  /** Fires a timer, as its due date would, then runs the message step it leads to. */
  private static void fire(ProcessInstance instance, String timerId, String stepId) {
    execute(jobAt(instance, timerId));
    execute(jobAt(instance, stepId));
  }

  private static List<String> waitingTimers(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .map(job -> managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
            .getActivityId())
        .sorted().toList();
  }

  /** Starts the return; the lead's task is open at once and the lead is told. */
  private ProcessInstance issued() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
    fire(instance, "timer_returnHandedToLead", "serviceTask_tellLeadReturnToComplete");
    return instance;
  }

  /** The lead submits; the SES lead's task opens and they are told. */
  private void submitted(ProcessInstance instance) {
    complete(task(instance));
    fire(instance, "timer_returnAwaitingSignOff", "serviceTask_tellSesLeadAwaitingSignOff");
  }

  @Test
  void approvedReturnEndsSignedOff() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);

    // the task is open at once; the lead is told in jobs of their own, after the issue committed
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).isAssignedTo("mike.mullin");
    verifyNoInteractions(tellLead);
    fire(instance, "timer_returnHandedToLead", "serviceTask_tellLeadReturnToComplete");
    verify(tellLead).execute(any());

    complete(task(instance));
    verify(submitReturn).notify(any());
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
    assertThat(task(instance)).isAssignedTo("stuart.barnes");
    fire(instance, "timer_returnAwaitingSignOff", "serviceTask_tellSesLeadAwaitingSignOff");
    verify(tellSesLead).execute(any());
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));

    verify(signOff).notify(any());
    assertThat(instance).isWaitingAt("serviceTask_tellLeadSignedOff");
    execute(jobAt(instance, "serviceTask_tellLeadSignedOff"));
    verify(tellSignedOff).execute(any());
    // a late return goes into a new version of its pack, in a step of its own
    assertThat(instance).isWaitingAt("serviceTask_addReturnToPack");
    execute(jobAt(instance, "serviceTask_addReturnToPack"));
    verify(addToPack).execute(any());
    // and the cycle is told, in a step of its own, after the sign-off has committed
    assertThat(instance).isWaitingAt("serviceTask_tellCycleReturnSignedOff");
    execute(jobAt(instance, "serviceTask_tellCycleReturnSignedOff"));
    verify(tellCycle).execute(any());
    assertThat(instance).isEnded();
    assertThat(instance).hasPassedInOrder("serviceTask_tellLeadReturnToComplete", ObjectiveReturn.TASK_COMPLETE_RETURN,
        "endEvent_returnSubmitted", "serviceTask_tellSesLeadAwaitingSignOff", ObjectiveReturn.TASK_SIGN_OFF_RETURN,
        "endEvent_returnDecided", "serviceTask_tellLeadSignedOff", "serviceTask_addReturnToPack",
        "serviceTask_tellCycleReturnSignedOff", "endEvent_returnSignedOff");
    verifyNoInteractions(remindBeforeDue, remindOnDueDate, chaseOverdue, escalateOverdue, remindSesLead, escalateSignOff);
  }

  @Test
  void nobodyMovesAReturnsDatesInTheTaskButItsOtherFieldsStillSave() {
    ProcessInstance instance = issued();
    for (String step : List.of("complete", "sign off")) {
      Task task = task(instance);
      Date set = task.getDueDate();
      task.setDueDate(new Date(0));
      Assertions.assertThatThrownBy(() -> taskService().saveTask(task))
          .hasRootCauseInstanceOf(NotAllowedException.class).hasRootCauseMessage(TaskDatesGuard.REFUSED);
      Assertions.assertThat(task(instance).getDueDate()).as(step).isEqualTo(set);
      Task again = task(instance);
      again.setFollowUpDate(new Date(86_400_000L));
      Assertions.assertThatThrownBy(() -> taskService().saveTask(again)).hasRootCauseInstanceOf(NotAllowedException.class);
      Assertions.assertThat(task(instance).getFollowUpDate()).as(step).isNull();
      // a coordinator's save that keeps the dates (a rename, as Tasklist sends the whole task) passes
      Task renamed = task(instance);
      renamed.setName("Renamed");
      taskService().saveTask(renamed);
      Assertions.assertThat(task(instance).getName()).isEqualTo("Renamed");
      if (step.equals("complete")) {
        complete(task(instance));
      }
    }
  }

  @Test
  void theLadderClimbsFromReminderToEscalationWhileTheReturnIsOpen() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
    // every step waits for its moment, which the application gives in working days
    Assertions.assertThat(waitingTimers(instance)).containsExactlyInAnyOrderElementsOf(LEAD_LADDER);
    Assertions.assertThat(jobAt(instance, "timer_reminderBeforeDue").getDuedate()).isEqualTo(ReturnLadderStub.REMINDER_BEFORE_DUE);
    Assertions.assertThat(jobAt(instance, "timer_returnDueToday").getDuedate()).isEqualTo(ReturnLadderStub.DUE_DAY);
    Assertions.assertThat(jobAt(instance, "timer_returnOverdue").getDuedate()).isEqualTo(ReturnLadderStub.FIRST_OVERDUE_CHASE);
    Assertions.assertThat(jobAt(instance, "timer_returnLongOverdue").getDuedate()).isEqualTo(ReturnLadderStub.ESCALATION);
    Assertions.assertThat(jobAt(instance, "timer_returnHandedToLead").getDuedate()).isBeforeOrEqualTo(new Date());

    fire(instance, "timer_returnHandedToLead", "serviceTask_tellLeadReturnToComplete");
    fire(instance, "timer_reminderBeforeDue", "serviceTask_remindLeadBeforeDue");
    fire(instance, "timer_returnDueToday", "serviceTask_remindLeadOnDueDate");
    fire(instance, "timer_returnOverdue", "serviceTask_chaseOverdueLead");
    // overdue: chased again and again, every few working days, while the return is open
    Assertions.assertThat(jobAt(instance, "timer_nextOverdueChase").getDuedate()).isEqualTo(ReturnLadderStub.NEXT_OVERDUE_CHASE);
    fire(instance, "timer_nextOverdueChase", "serviceTask_chaseOverdueLead");
    fire(instance, "timer_returnLongOverdue", "serviceTask_escalateOverdueReturn");
    fire(instance, "timer_nextOverdueChase", "serviceTask_chaseOverdueLead");

    var order = inOrder(tellLead, remindBeforeDue, remindOnDueDate, chaseOverdue, escalateOverdue);
    order.verify(tellLead).execute(any());
    order.verify(remindBeforeDue).execute(any());
    order.verify(remindOnDueDate).execute(any());
    order.verify(chaseOverdue, times(2)).execute(any());
    order.verify(escalateOverdue).execute(any());
    order.verify(chaseOverdue).execute(any());
    // the task is the same one throughout
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN, "timer_nextOverdueChase");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isOne();

    // submitted: the lead's ladder stops at once, the next chaser included; the SES lead's begins
    complete(task(instance));
    Assertions.assertThat(waitingTimers(instance)).containsExactlyInAnyOrderElementsOf(SES_LEAD_LADDER);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(SES_LEAD_LADDER.size());
    verify(chaseOverdue, times(3)).execute(any());
  }

  @Test
  void aSubmissionStopsMessagesNotYetSent() throws Exception {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY, KEY);
    // the reminder's moment came, but its message step had not yet run when the lead submitted
    execute(jobAt(instance, "timer_reminderBeforeDue"));
    complete(task(instance));

    Assertions.assertThat(managementService().createJobQuery().activityId("serviceTask_remindLeadBeforeDue")
        .processInstanceId(instance.getId()).count()).isZero();
    verifyNoInteractions(remindBeforeDue);
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
  }

  @Test
  void aReturnSentBackClimbsTheLadderAgainFromTheStart() throws Exception {
    ProcessInstance instance = issued();
    fire(instance, "timer_reminderBeforeDue", "serviceTask_remindLeadBeforeDue");
    fire(instance, "timer_returnDueToday", "serviceTask_remindLeadOnDueDate");
    fire(instance, "timer_returnOverdue", "serviceTask_chaseOverdueLead");
    submitted(instance);
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, false));

    // sent back: the task is the lead's again, and every step of the ladder waits again
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).isAssignedTo("mike.mullin");
    Assertions.assertThat(waitingTimers(instance)).containsExactlyInAnyOrderElementsOf(LEAD_LADDER);
    fire(instance, "timer_returnHandedToLead", "serviceTask_tellLeadReturnToComplete");
    fire(instance, "timer_reminderBeforeDue", "serviceTask_remindLeadBeforeDue");
    verify(tellLead, times(2)).execute(any());
    verify(remindBeforeDue, times(2)).execute(any());
    verify(completeReturnForm, times(2)).notify(any());
    verify(tellSignedOff, never()).execute(any());

    submitted(instance);
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));
    execute(jobAt(instance, "serviceTask_tellLeadSignedOff"));
    execute(jobAt(instance, "serviceTask_addReturnToPack"));
    execute(jobAt(instance, "serviceTask_tellCycleReturnSignedOff"));
    assertThat(instance).isEnded();
    verify(submitReturn, times(2)).notify(any());
    verify(signOff, times(2)).notify(any());
    verify(tellSesLead, times(2)).execute(any());
    verify(tellSignedOff).execute(any());
  }

  @Test
  void theSesLeadHasAShorterLadderThatTheirDecisionStops() throws Exception {
    ProcessInstance instance = issued();
    complete(task(instance));
    Assertions.assertThat(jobAt(instance, "timer_signOffWaiting").getDuedate()).isEqualTo(ReturnLadderStub.SIGN_OFF_REMINDER);
    Assertions.assertThat(jobAt(instance, "timer_signOffLongAwaited").getDuedate()).isEqualTo(ReturnLadderStub.SIGN_OFF_ESCALATION);

    fire(instance, "timer_returnAwaitingSignOff", "serviceTask_tellSesLeadAwaitingSignOff");
    fire(instance, "timer_signOffWaiting", "serviceTask_remindSesLead");
    fire(instance, "timer_signOffLongAwaited", "serviceTask_escalateSignOff");
    var order = inOrder(tellSesLead, remindSesLead, escalateSignOff);
    order.verify(tellSesLead).execute(any());
    order.verify(remindSesLead).execute(any());
    order.verify(escalateSignOff).execute(any());
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);

    // a reminder due but not yet sent when the SES lead decides is not sent
    reset(remindSesLead);
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, false));
    Assertions.assertThat(waitingTimers(instance)).containsExactlyInAnyOrderElementsOf(LEAD_LADDER);
    verifyNoInteractions(remindSesLead);
  }

  @Test
  void aLateReturnSubmittedGoesOnWithItsSesLead() throws Exception {
    // a late return that was submitted goes on, in an instance of its own, where it stood
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY).businessKey(KEY)
        .startBeforeActivity(ObjectiveReturn.WITH_SES_LEAD).execute();

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
    assertThat(task(instance)).isAssignedTo("stuart.barnes");
    fire(instance, "timer_returnAwaitingSignOff", "serviceTask_tellSesLeadAwaitingSignOff");
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));
    execute(jobAt(instance, "serviceTask_tellLeadSignedOff"));
    execute(jobAt(instance, "serviceTask_addReturnToPack"));
    verify(addToPack).execute(any());
    execute(jobAt(instance, "serviceTask_tellCycleReturnSignedOff"));
    assertThat(instance).isEnded();
    verifyNoInteractions(tellLead, submitReturn);
  }

  @Test
  void aMailServerThatIsDownRetriesThenRaisesAnIncidentAndLosesNothing() throws Exception {
    ProcessInstance instance = issued();
    doThrow(new IllegalStateException("mail server down")).when(remindBeforeDue).execute(any());
    execute(jobAt(instance, "timer_reminderBeforeDue"));

    // the message step fails at each attempt until it is an incident; the return stays open
    for (int attempt = 0; attempt < 5; attempt++) {
      String jobId = jobAt(instance, "serviceTask_remindLeadBeforeDue").getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("mail server down");
    }
    Assertions.assertThat(jobAt(instance, "serviceTask_remindLeadBeforeDue").getRetries()).isZero();
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);

    // the server is back and the job is retried, as Cockpit's retry does
    reset(remindBeforeDue);
    managementService().setJobRetries(jobAt(instance, "serviceTask_remindLeadBeforeDue").getId(), 1);
    execute(jobAt(instance, "serviceTask_remindLeadBeforeDue"));
    verify(remindBeforeDue).execute(any());
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

    // a sign-off whose message fails is still a sign-off
    submitted(instance);
    doThrow(new IllegalStateException("mail server down")).when(tellSignedOff).execute(any());
    complete(task(instance), withVariables(ObjectiveReturn.APPROVED, true));
    verify(signOff).notify(any());
    String jobId = jobAt(instance, "serviceTask_tellLeadSignedOff").getId();
    assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("mail server down");
    assertThat(instance).isWaitingAt("serviceTask_tellLeadSignedOff");
  }

  @Test
  void aCoordinatorsChaseTellsTheLeadAndLeavesTheReturnOpen() throws Exception {
    ProcessInstance instance = issued();
    String taskId = task(instance).getId();

    runtimeService().correlateMessage(ObjectiveReturn.MESSAGE_CHASE, KEY);
    runtimeService().correlateMessage(ObjectiveReturn.MESSAGE_CHASE, KEY);
    for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).activityId("serviceTask_chaseLead").list()) {
      execute(job);
    }

    verify(chaseLead, times(2)).execute(any());
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).hasId(taskId);
    submitted(instance);
    // once submitted, there is nothing to chase
    assertThatThrownBy(() -> runtimeService().correlateMessage(ObjectiveReturn.MESSAGE_CHASE, KEY))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  @Test
  void refusedSubmissionLeavesTaskOpenAndItsLadderRunning() throws Exception {
    ProcessInstance instance = issued();
    InvalidInputException refusal = new InvalidInputException("kpis[0].achieved: 'x' is not a plain number");
    doThrow(refusal).when(submitReturn).notify(any());
    String taskId = task(instance).getId();

    // the engine hands the listener's refusal to the caller as it is (not wrapped), which is what
    // lets the REST API answer 400 with its message
    assertThatThrownBy(() -> taskService().complete(taskId)).isSameAs(refusal);

    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_COMPLETE_RETURN);
    assertThat(task(instance)).hasId(taskId);
    Assertions.assertThat(waitingTimers(instance)).containsExactlyInAnyOrderElementsOf(
        LEAD_LADDER.subList(1, LEAD_LADDER.size()));
  }

  @Test
  void reassigningATaskAsksTheApplication() throws Exception {
    ProcessInstance instance = issued();
    List<String> assignees = new ArrayList<>();
    doAnswer(call -> assignees.add(((DelegateTask) call.getArgument(0)).getAssignee())).when(reassign).notify(any());

    taskService().setAssignee(task(instance).getId(), "claire.maguire");

    Assertions.assertThat(assignees).containsExactly("claire.maguire");
    doThrow(new NotAllowedException("only coordinators reassign")).when(reassign).notify(any());
    String taskId = task(instance).getId();
    assertThatThrownBy(() -> taskService().setAssignee(taskId, "lee.payne")).hasRootCauseInstanceOf(NotAllowedException.class);
    assertThat(task(instance)).isAssignedTo("claire.maguire");
  }

  @Test
  void refusedSignOffLeavesTaskOpen() throws Exception {
    ProcessInstance instance = issued();
    submitted(instance);
    doThrow(new InvalidInputException("signOffComment: is required")).when(signOff).notify(any());
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(ObjectiveReturn.APPROVED, false)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(instance).isWaitingAt(ObjectiveReturn.TASK_SIGN_OFF_RETURN);
    Assertions.assertThat(waitingTimers(instance)).contains("timer_signOffWaiting", "timer_signOffLongAwaited");
  }
}
