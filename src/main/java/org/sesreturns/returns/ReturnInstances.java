package org.sesreturns.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's instances of the objective return process: one per return being collected, each
 * standing on its own with the business key {@code cycleKey/objectiveId}. Not called by the cycle's
 * process instance, so that a cycle of ten thousand returns is not one execution tree of ten
 * thousand branches, which the engine reads whole on every step.
 */
@Component
public class ReturnInstances {

  /** The engine refuses larger pages to a logged-in caller (queryMaxResultsLimit). */
  private static final int PAGE = 1000;

  private final RuntimeService runtime;

  ReturnInstances(RuntimeService runtime) {
    this.runtime = runtime;
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
}
