package org.sesreturns.returns;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.sesreturns.identity.Groups;
import org.sesreturns.identity.Rights;
import org.springframework.stereotype.Component;

/**
 * Leads see their own return tasks (the engine grants an assignee its task); coordinators follow
 * every return and may hand a return's task to someone else, which the application then checks
 * and records ({@link ReturnTasks#reassign}). Tasklist filters: returns overdue (coordinators),
 * and each lead's returns due within the first reminder's working days (the task's follow-up date
 * has come, its due date not yet).
 */
@Component
class ReturnRights implements Rights {

  static final String FILTER_OVERDUE = "Overdue returns";
  static final String FILTER_DUE_SOON = "My returns due soon";

  private final TaskService tasks;

  ReturnRights(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void grant(Grants grants) {
    grants.filter(FILTER_OVERDUE, -8, "Returns past their due date, not yet submitted",
        tasks.createTaskQuery().processDefinitionKey(ObjectiveReturn.PROCESS_KEY)
            .taskDefinitionKey(ObjectiveReturn.TASK_COMPLETE_RETURN).dueBeforeExpression("${now()}"),
        Groups.COORDINATORS);
    grants.filter(FILTER_DUE_SOON, -9, "My returns due in the next working days",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .followUpBeforeExpression("${now()}").dueAfterExpression("${now()}"),
        Groups.PROJECT_LEADS);
    for (String group : new String[] {Groups.PROJECT_LEADS, Groups.SES_LEADS}) {
      // lets Tasklist show the process's name beside a lead's own task; no instance rights
      grants.grant(group, Resources.PROCESS_DEFINITION, ObjectiveReturn.PROCESS_KEY, Permissions.READ);
    }
    grants.grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, ObjectiveReturn.PROCESS_KEY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_ASSIGN);
  }
}
