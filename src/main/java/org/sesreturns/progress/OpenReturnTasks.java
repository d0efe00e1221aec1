package org.sesreturns.progress;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.sesreturns.identity.CurrentUser;
import org.sesreturns.returns.ObjectiveReturn;
import org.springframework.stereotype.Component;

/**
 * The open task of each return of a running cycle, for the progress board's link to it: the one
 * thing the board asks the engine. Asked as the application once the caller is known to be a
 * coordinator: the engine's own rights would hide tasks offered to a lead.
 */
@Component
class OpenReturnTasks {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CurrentUser currentUser;

  OpenReturnTasks(RuntimeService runtime, TaskService tasks, CurrentUser currentUser) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  /** Objective id to the id of its return's open task. */
  Map<String, String> of(String cycleKey) {
    return currentUser.asApplication(() -> {
      String prefix = cycleKey + "/";
      Map<String, String> objectiveOfInstance = new HashMap<>();
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
          .processInstanceBusinessKeyLike(prefix + "%").list()) {
        if (instance.getBusinessKey() != null && instance.getBusinessKey().startsWith(prefix)) {
          objectiveOfInstance.put(instance.getId(), instance.getBusinessKey().substring(prefix.length()));
        }
      }
      Map<String, String> open = new HashMap<>();
      for (Task task : tasks.createTaskQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
          .processInstanceBusinessKeyLike(prefix + "%").list()) {
        String objective = objectiveOfInstance.get(task.getProcessInstanceId());
        if (objective != null) {
          open.put(objective, task.getId());
        }
      }
      return open;
    });
  }
}
