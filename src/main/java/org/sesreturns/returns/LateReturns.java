package org.sesreturns.returns;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.sesreturns.engine.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The returns left out of a pack compiled without them. Their instances ended with the collection
 * that called them; each goes on in an instance of its own, where it stood: with its project lead,
 * or with its SES lead when it was submitted. When the cycle closes, those still open end.
 */
@Component
public class LateReturns {

  private final RuntimeService runtime;
  private final ReturnService returns;
  private final CurrentUser currentUser;

  LateReturns(RuntimeService runtime, ReturnService returns, CurrentUser currentUser) {
    this.runtime = runtime;
    this.returns = returns;
    this.currentUser = currentUser;
  }

  /** Marks the returns late and starts an instance for each. */
  public void carryOn(String cycleKey, List<String> objectiveIds, String actor) {
    returns.markLate(cycleKey, objectiveIds, actor);
    for (String objectiveId : objectiveIds) {
      ReturnKey key = new ReturnKey(cycleKey, objectiveId);
      var instance = runtime.createProcessInstanceByKey(ObjectiveReturn.PROCESS_KEY).businessKey(key.businessKey());
      if (returns.status(key) == ReturnStatus.SUBMITTED) {
        instance.startBeforeActivity(ObjectiveReturn.WITH_SES_LEAD).execute();
      } else {
        instance.execute();
      }
    }
  }

  /**
   * Ends the late returns still open: the cycle has closed, and its returns no longer change. It
   * runs within the coordinator's presentation, as the application: their own rights on the
   * engine do not reach the returns' instances.
   */
  public void endOpen(String cycleKey) {
    currentUser.asApplication(() -> {
      endOpenInstances(cycleKey);
      return null;
    });
  }

  private void endOpenInstances(String cycleKey) {
    List<String> open = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
        .processInstanceBusinessKeyLike(cycleKey + "/%")
        .list().stream()
        .filter(i -> returns.isLate(ReturnKey.parse(i.getBusinessKey())))
        .map(i -> i.getId())
        .toList();
    if (!open.isEmpty()) {
      runtime.deleteProcessInstances(open, "the cycle " + cycleKey + " closed", false, true);
    }
  }
}
