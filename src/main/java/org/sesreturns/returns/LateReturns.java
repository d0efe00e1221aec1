package org.sesreturns.returns;

import java.util.List;
import java.util.Map;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The returns left out of a pack compiled without them. Each goes on in a new instance, where it
 * stood: with its project lead, or with its SES lead when it was submitted, its reminders timed
 * again from the day it became late. When the cycle closes, those still open end.
 */
@Component
public class LateReturns {

  private final ReturnInstances instances;
  private final ReturnService returns;
  private final CurrentUser currentUser;

  LateReturns(ReturnInstances instances, ReturnService returns, CurrentUser currentUser) {
    this.instances = instances;
    this.returns = returns;
    this.currentUser = currentUser;
  }

  /** Marks the returns late and starts each again in a new instance, its ladder timed from now. */
  public void carryOn(String cycleKey, List<String> objectiveIds, String actor) {
    returns.markLate(cycleKey, objectiveIds, actor);
    Map<String, String> running = instances.running(cycleKey);
    instances.end(objectiveIds.stream().filter(running::containsKey).map(running::get).toList(),
        "left out of the pack of " + cycleKey + ": goes on as a late return");
    for (String objectiveId : objectiveIds) {
      ReturnKey key = new ReturnKey(cycleKey, objectiveId);
      if (returns.status(key) == ReturnStatus.SUBMITTED) {
        instances.startWithSesLead(key);
      } else {
        instances.start(key);
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
    List<String> open = instances.running(cycleKey).entrySet().stream()
        .filter(e -> returns.isLate(new ReturnKey(cycleKey, e.getKey())))
        .map(Map.Entry::getValue)
        .toList();
    instances.end(open, "the cycle " + cycleKey + " closed");
  }
}
