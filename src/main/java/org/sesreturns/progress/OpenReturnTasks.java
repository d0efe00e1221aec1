package org.sesreturns.progress;

import java.util.Map;
import org.sesreturns.identity.CurrentUser;
import org.sesreturns.returns.ReturnInstances;
import org.springframework.stereotype.Component;

/**
 * The open task of each return of a running cycle, for the progress board's link to it: the one
 * thing the board asks the engine. Asked as the application once the caller is known to be a
 * coordinator: the engine's own rights would hide tasks offered to a lead.
 */
@Component
class OpenReturnTasks {

  private final ReturnInstances instances;
  private final CurrentUser currentUser;

  OpenReturnTasks(ReturnInstances instances, CurrentUser currentUser) {
    this.instances = instances;
    this.currentUser = currentUser;
  }

  /** Objective id to the id of its return's open task. */
  Map<String, String> of(String cycleKey) {
    return currentUser.asApplication(() -> instances.openTasks(cycleKey));
  }
}
