package org.sesreturns.cycle;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.sesreturns.identity.Groups;
import org.sesreturns.identity.Rights;
import org.springframework.stereotype.Component;

/** Coordinators start cycles and follow them, in Tasklist and Cockpit. */
@Component
class CycleRights implements Rights {

  @Override
  public void grant(Grants grants) {
    grants.grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, QuarterlyCycle.PROCESS_KEY, Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grants.grant(Groups.COORDINATORS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }
}
