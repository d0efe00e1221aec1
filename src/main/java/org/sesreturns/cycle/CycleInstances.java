package org.sesreturns.cycle;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine's instances of the quarterly cycle process, as the features ask them: the message
 * that every return is in, what an open task of the cycle shows, and the review task a message
 * links to. With {@code returns.ReturnInstances}, the one place the application calls the engine
 * about a process's instances, so that another engine would be fitted here.
 */
@Component
public class CycleInstances {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  CycleInstances(RuntimeService runtime, TaskService tasks, HistoryService history) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /** Tells the cycle that every return is signed off; nothing happens when it is no longer waiting. */
  void returnsSignedOff(String processInstanceId) {
    runtime.createMessageCorrelation(QuarterlyCycle.MESSAGE_RETURNS_SIGNED_OFF)
        .processInstanceId(processInstanceId)
        // none waiting: a return signed off just before has told the cycle already
        .correlateAllWithResult();
  }

  /**
   * Shows the cycle's open tasks of this kind a new value of one of their form's variables; the
   * value is made only when such a task is open.
   */
  public void showOnOpenTasks(String processInstanceId, String taskDefinitionKey, String variable,
      Supplier<TypedValue> value) {
    var open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).list();
    if (!open.isEmpty()) {
      TypedValue shown = value.get();
      open.forEach(task -> tasks.setVariable(task.getId(), variable, shown));
    }
  }

  /** The cycle's review task open now, or else the last one done: the task a review message links to. */
  public Optional<String> reviewTask(String processInstanceId) {
    var open = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(QuarterlyCycle.TASK_REVIEW_PACK).orderByTaskCreateTime().desc().listPage(0, 1);
    if (!open.isEmpty()) {
      return Optional.of(open.get(0).getId());
    }
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(QuarterlyCycle.TASK_REVIEW_PACK).orderByHistoricActivityInstanceStartTime().desc()
        .listPage(0, 1).stream().findFirst().map(HistoricTaskInstance::getId);
  }
}
