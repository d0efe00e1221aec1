package org.sesreturns.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.sesreturns.catalogue.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the engine's users, groups, authorizations and Tasklist filters match the catalogue at
 * every start. It only adds and corrects: users that exist keep their password, and memberships
 * of the application's groups follow the catalogue's roles. Rights are least privilege: leads see
 * only the tasks assigned to them (the engine grants an assignee its task), coordinators start
 * cycles and read every instance, the board reads packs through the application's API.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  static final String FILTER_MY_TASKS = "My tasks";
  static final String FILTER_COORDINATION = "Coordinator tasks";
  static final String FILTER_ALL_RETURNS = "All open returns";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final Catalogue catalogue;
  private final IdentityProperties properties;
  private final List<Rights> featureRights;
  private final String adminId;
  private final TransactionTemplate setup;

  IdentitySetup(ProcessEngine engine, Catalogue catalogue, IdentityProperties properties, List<Rights> featureRights,
      @Value("${camunda.bpm.admin-user.id:admin}") String adminId, PlatformTransactionManager transactions) {
    this.setup = new TransactionTemplate(transactions);
    this.featureRights = featureRights;
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.filters = engine.getFilterService();
    this.tasks = engine.getTaskService();
    this.catalogue = catalogue;
    this.properties = properties;
    this.adminId = adminId;
  }

  @Override
  public void afterSingletonsInstantiated() {
    long start = System.nanoTime();
    // one transaction, not one per engine call: a few hundred commits at every start otherwise,
    // and another node starting sees all of it or none
    setup.executeWithoutResult(status -> {
      users();
      groups();
      rights();
      taskFilters();
    });
    log.info("identity: {} people, their groups, rights and Tasklist filters set up in {} ms", catalogue.people().size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void users() {
    String password = properties.initialPassword();
    if (password == null || password.isBlank()) {
      log.warn("ses.identity.initial-password is not set: new users get no password and cannot log in"
          + " until an administrator sets one");
    }
    for (Catalogue.Person person : catalogue.people().values()) {
      User user = identity.createUserQuery().userId(person.id()).singleResult();
      boolean created = user == null;
      if (created) {
        user = identity.newUser(person.id());
        if (password != null && !password.isBlank()) {
          user.setPassword(password);
        }
      }
      String[] names = person.name().split(" ", 2);
      String last = names.length > 1 ? names[1] : "";
      if (created || !names[0].equals(user.getFirstName()) || !last.equals(user.getLastName())
          || !person.email().equals(user.getEmail())) {
        user.setFirstName(names[0]);
        user.setLastName(last);
        user.setEmail(person.email());
        identity.saveUser(user);
      }
      ownRecordOnly(person.id());
    }
  }

  /**
   * The engine gives each user ALL on their own user record; the catalogue owns people, so a user
   * keeps READ (their profile) and UPDATE (which changing one's password needs) and loses DELETE.
   * Their name and e-mail are the catalogue's: the REST front door refuses a change to them
   * ({@link EngineApiPolicy}) and this setup restores them at every start.
   */
  private void ownRecordOnly(String userId) {
    Authorization own = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).userIdIn(userId)
        .resourceType(Resources.USER).resourceId(userId).singleResult();
    if (own == null) {
      own = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      own.setUserId(userId);
      own.setResource(Resources.USER);
      own.setResourceId(userId);
    } else if (own.isPermissionGranted(Permissions.READ) && own.isPermissionGranted(Permissions.UPDATE)
        && !own.isPermissionGranted(Permissions.DELETE)) {
      return;
    }
    own.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
    authorizations.saveAuthorization(own);
  }

  private void groups() {
    Map<String, String> names = Map.of(
        Groups.COORDINATORS, "Coordinators", Groups.PROJECT_LEADS, "SES project leads",
        Groups.SES_LEADS, "SES leads", Groups.BOARD, "Board");
    Map<String, Set<String>> members = Map.of(
        Groups.COORDINATORS, Set.copyOf(catalogue.coordinators()),
        Groups.PROJECT_LEADS, catalogue.projectLeads(),
        Groups.SES_LEADS, catalogue.sesLeads(),
        Groups.BOARD, Set.copyOf(catalogue.board()));
    for (var entry : members.entrySet()) {
      String groupId = entry.getKey();
      if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
        Group group = identity.newGroup(groupId);
        group.setName(names.get(groupId));
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
      Set<String> current = new HashSet<>();
      identity.createUserQuery().memberOfGroup(groupId).list().forEach(u -> current.add(u.getId()));
      for (String userId : entry.getValue()) {
        if (!current.contains(userId)) {
          identity.createMembership(userId, groupId);
        }
      }
      for (String userId : current) {
        if (!entry.getValue().contains(userId)) {
          identity.deleteMembership(userId, groupId);
        }
      }
    }
  }

  private void rights() {
    for (String group : List.of(Groups.COORDINATORS, Groups.PROJECT_LEADS, Groups.SES_LEADS)) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    String c = Groups.COORDINATORS;
    grant(c, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(c, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grant(c, Resources.TASK, Authorization.ANY, Permissions.READ);
    // each feature grants what it owns: its process definitions and its filters
    Rights.Grants grants = new Rights.Grants() {
      @Override
      public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        IdentitySetup.this.grant(groupId, resource, resourceId, permissions);
      }

      @Override
      public void filter(String name, int priority, String description, TaskQuery query, String... groups) {
        String id = IdentitySetup.this.filter(name, priority, description, query);
        for (String group : groups) {
          IdentitySetup.this.grant(group, Resources.FILTER, id, Permissions.READ);
        }
      }
    };
    featureRights.forEach(rights -> rights.grant(grants));
  }

  private void taskFilters() {
    String myTasks = filter(FILTER_MY_TASKS, -10, "Returns and sign-offs assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    String coordination = filter(FILTER_COORDINATION, -5, "Pack reviews and board presentations",
        tasks.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks());
    String all = filter(FILTER_ALL_RETURNS, 0, "Every open task of every cycle",
        tasks.createTaskQuery());
    for (String group : List.of(Groups.COORDINATORS, Groups.PROJECT_LEADS, Groups.SES_LEADS)) {
      grant(group, Resources.FILTER, myTasks, Permissions.READ);
    }
    grant(Groups.COORDINATORS, Resources.FILTER, coordination, Permissions.READ);
    grant(Groups.COORDINATORS, Resources.FILTER, all, Permissions.READ);
    // coordinators follow everyone's tasks: Tasklist names each assignee instead of showing a login
    // id, which it can only do for users the viewer may read (names and e-mails are the catalogue's)
    grant(Groups.COORDINATORS, Resources.USER, "*", Permissions.READ);
  }

  private String filter(String name, int priority, String description, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filters.newTaskFilter(name)
        .setOwner(adminId)
        .setQuery(query)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
    return filters.saveFilter(filter).getId();
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
