package org.sesreturns.returns;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.sesreturns.identity.Groups;
import org.sesreturns.identity.Rights;
import org.springframework.stereotype.Component;

/**
 * Leads see their own return tasks (the engine grants an assignee its task); coordinators follow
 * every return and may hand a return's task to someone else, which the application then checks
 * and records ({@link ReturnService#reassign}).
 */
@Component
class ReturnRights implements Rights {

  @Override
  public void grant(Grants grants) {
    for (String group : new String[] {Groups.PROJECT_LEADS, Groups.SES_LEADS}) {
      // lets Tasklist show the process's name beside a lead's own task; no instance rights
      grants.grant(group, Resources.PROCESS_DEFINITION, ObjectiveReturn.PROCESS_KEY, Permissions.READ);
    }
    grants.grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, ObjectiveReturn.PROCESS_KEY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_ASSIGN);
  }
}
