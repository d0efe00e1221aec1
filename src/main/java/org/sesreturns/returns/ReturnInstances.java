package org.sesreturns.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's instances of the objective return process: one per return being collected, each
 * standing on its own with the business key {@code cycleKey/objectiveId}. Not called by the cycle's
 * process instance, so that a cycle of ten thousand returns is not one execution tree of ten
 * thousand branches, which the engine reads whole on every step. With {@code cycle.CycleInstances},
 * the one place the application calls the engine about a process's instances: starting, ending,
 * the coordinator's chaser and the open tasks.
 */
@Component
public class ReturnInstances {

  /** The engine refuses larger pages to a logged-in caller (queryMaxResultsLimit). */
  private static final int PAGE = 1000;

  private final RuntimeService runtime;
  private final TaskService tasks;

  ReturnInstances(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** The running instances of a cycle's returns, by objective id. */
  public Map<String, String> running(String cycleKey) {
    Map<String, String> byObjective = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<ProcessInstance> page = runtime.createProcessInstanceQuery()
          .processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
          .processInstanceBusinessKeyLike(cycleKey + "/%")
          .orderByProcessInstanceId().asc()
          .listPage(first, PAGE);
      page.forEach(i -> byObjective.put(ReturnKey.parse(i.getBusinessKey()).objectiveId(), i.getId()));
      if (page.size() < PAGE) {
        return byObjective;
      }
    }
  }

  /** Issues the return to its project lead: the task, its message and its reminders. */
  public void start(ReturnKey key) {
    runtime.createProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY).businessKey(key.businessKey()).execute();
  }

  /** A submitted return that goes on with its SES lead. */
  void startWithSesLead(ReturnKey key) {
    runtime.createProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY).businessKey(key.businessKey())
        .startBeforeActivity(ObjectiveReturn.WITH_SES_LEAD).execute();
  }

  /** Ends instances with their tasks, timers and jobs; their end listeners see them cancelled. */
  public void end(List<String> instanceIds, String reason) {
    if (!instanceIds.isEmpty()) {
      runtime.deleteProcessInstances(new ArrayList<>(instanceIds), reason, false, true);
    }
  }

  /** Sends the coordinator's chaser to the return's lead; false when the return is not waiting for its lead. */
  boolean chase(ReturnKey key) {
    try {
      runtime.createMessageCorrelation(ObjectiveReturn.MESSAGE_CHASE).processInstanceBusinessKey(key.businessKey())
          .correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException notWaiting) {
      return false;
    }
  }

  /** The id of the instance's open task of this kind, if it has one: a message links to it. */
  public Optional<String> openTask(String processInstanceId, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    return Optional.ofNullable(task).map(Task::getId);
  }

  /** The open task of each of the cycle's returns, by objective id. */
  public Map<String, String> openTasks(String cycleKey) {
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
  }
}
