package org.sesreturns.notices;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The return's open task a message links to: the ladder's steps run beside it, in the same process instance. */
final class OpenTask {

  private OpenTask() {}

  static Optional<String> of(DelegateExecution execution, String taskDefinitionKey) {
    Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    return Optional.ofNullable(task).map(Task::getId);
  }
}
