package org.sesreturns.identity;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A feature's grants to the application's groups over what it owns (its process definitions, its
 * Tasklist filters), applied at every start with the identity setup; identity itself knows no
 * feature's processes.
 */
public interface Rights {

  void grant(Grants grants);

  /** Adds permissions to a group's grant on a resource, creating the grant if there is none. */
  interface Grants {
    void grant(String groupId, Resource resource, String resourceId, Permission... permissions);

    /** A shared Tasklist filter, created once (kept as it is after) and readable by the groups. */
    void filter(String name, int priority, String description, TaskQuery query, String... groups);
  }
}
