package org.sesreturns.identity;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * A feature's grants to the application's groups over what it owns (its process definitions),
 * applied at every start with the identity setup; identity itself knows no feature's processes.
 */
public interface Rights {

  void grant(Grants grants);

  /** Adds permissions to a group's grant on a resource, creating the grant if there is none. */
  interface Grants {
    void grant(String groupId, Resource resource, String resourceId, Permission... permissions);
  }
}
