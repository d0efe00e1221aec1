package org.sesreturns.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * The rules against every route the engine's REST API has, read from its JAX-RS annotations as
 * Jersey reads them: every change a rule names exists (a misspelt template would allow nothing
 * and hide it), and every other change is refused to everyone but administrators.
 */
class EngineRoutesTest {

  private static final Caller LEAD = new Caller("lou.lead", List.of(Groups.PROJECT_LEADS));
  private static final Caller COORDINATOR = new Caller("cora.coordinator", List.of(Groups.COORDINATORS));
  private static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMINS));

  @Test
  void everyChangeARuleNamesIsARouteOfTheEngine() {
    Set<String> routes = routes();
    assertThat(routes).hasSizeGreaterThan(300);
    List<String> allowed = routes.stream().filter(r -> !r.matches("^(GET|OPTIONS) .*") && allowedTo(COORDINATOR, r)).toList();
    assertThat(allowed).as("changes a coordinator may ask the engine").containsExactlyInAnyOrder(
        "POST /task", "POST /task/count", "POST /filter/{id}/list", "POST /filter/{id}/count",
        "POST /filter/{id}/singleResult", "POST /process-instance", "POST /process-instance/count", "POST /execution",
        "POST /execution/count", "POST /variable-instance", "POST /variable-instance/count",
        "POST /history/process-instance", "POST /history/process-instance/count", "POST /history/activity-instance",
        "POST /history/activity-instance/count", "POST /history/task", "POST /history/task/count",
        "POST /history/variable-instance", "POST /history/variable-instance/count", "POST /history/detail",
        "POST /group", "POST /group/count",
        "POST /task/{id}/claim", "POST /task/{id}/unclaim", "POST /task/{id}/complete", "POST /task/{id}/submit-form",
        "POST /task/{id}/assignee", "PUT /task/{id}", "POST /task/{id}/identity-links",
        "POST /task/{id}/identity-links/delete", "POST /process-definition/{id}/start",
        "POST /process-definition/{id}/submit-form", "POST /process-definition/key/{key}/start",
        "POST /process-definition/key/{key}/submit-form", "POST /process-definition/key/{key}/tenant-id/{tenantId}/start",
        "POST /process-definition/key/{key}/tenant-id/{tenantId}/submit-form", "PUT /user/{id}/credentials");
  }

  @Test
  void everythingElseIsForAdministrators() {
    Set<String> routes = routes();
    for (String route : routes) {
      assertThat(allowedTo(ADMIN, route)).as(route).isTrue();
    }
    assertThat(routes.stream().filter(r -> allowedTo(LEAD, r)).filter(r -> r.matches(
        "^[A-Z]+ /(job|job-definition|metrics|batch|schema/log|telemetry|history/job-log|external-task|migration|modification"
            + "|deployment/create|message|signal|condition|identity/verify).*$")).toList())
        .as("the engine's internals and the steps the cycle takes itself").isEmpty();
    assertThat(routes.stream().filter(r -> r.startsWith("DELETE ") && allowedTo(LEAD, r)).toList()).isEmpty();
    assertThat(allowedTo(LEAD, "GET /process-definition/statistics")).isFalse();
    assertThat(allowedTo(COORDINATOR, "GET /process-definition/statistics")).isTrue();
  }

  @Test
  void aStartAtAnotherActivityIsRefusedWhoeverAsks() throws Exception {
    var partWay = Optional.of(new ObjectMapper().readTree("""
        {"startInstructions": [{"type": "startBeforeActivity", "activityId": "serviceTask_compilePack"}]}"""));
    var skipping = Optional.of(new ObjectMapper().readTree("{\"skipCustomListeners\": \"true\"}"));
    var plain = Optional.of(new ObjectMapper().readTree("{\"businessKey\": \"2024-25-Q1\", \"startInstructions\": []}"));
    String start = "/process-definition/key/{key}/start";
    assertThat(EngineRoutes.refusal(COORDINATOR, "POST", start, List.of(), partWay)).map(EngineRoutes.Refusal::status).contains(403);
    assertThat(EngineRoutes.refusal(COORDINATOR, "POST", start, List.of(), skipping)).isPresent();
    assertThat(EngineRoutes.refusal(COORDINATOR, "POST", start, List.of(), plain)).isEmpty();
  }

  @Test
  void noExpressionPassesAnyone() throws Exception {
    var hidden = Optional.of(new ObjectMapper().readTree("""
        {"orQueries": [{"processVariables": [{"name": "x", "value": "#{1+1}", "operator": "eq"}]}]}"""));
    for (Caller caller : List.of(LEAD, COORDINATOR, ADMIN)) {
      assertThat(EngineRoutes.refusal(caller, "POST", "/task", List.of(), hidden)).map(EngineRoutes.Refusal::status).contains(400);
      assertThat(EngineRoutes.refusal(caller, "POST", "/filter/create", List.of(), hidden)).map(EngineRoutes.Refusal::status)
          .contains(400);
      assertThat(EngineRoutes.refusal(caller, "GET", "/task", List.of("assigneeExpression", "${currentUser()}"), Optional.empty()))
          .map(EngineRoutes.Refusal::status).contains(400);
    }
    // a return's commentary may hold the characters: it is data, never evaluated
    var commentary = Optional.of(new ObjectMapper().readTree("{\"variables\": {\"commentary\": {\"value\": \"cost ${1}\"}}}"));
    assertThat(EngineRoutes.refusal(LEAD, "POST", "/task/{id}/complete", List.of(), commentary)).isEmpty();
  }

  private static boolean allowedTo(Caller caller, String route) {
    int space = route.indexOf(' ');
    return EngineRoutes.refusal(caller, route.substring(0, space), route.substring(space + 1), List.of(), Optional.empty())
        .isEmpty();
  }

  /** Every route of the engine's REST API, as {@code METHOD /template}, without the engine's name. */
  static Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    walk(NamedProcessEngineRestServiceImpl.class, "", routes, 0);
    return routes;
  }

  private static void walk(Class<?> type, String prefix, Set<String> routes, int depth) {
    if (depth > 8) {
      return;
    }
    for (Method method : type.getMethods()) {
      Path path = annotation(method, Path.class);
      String here = prefix + (path == null ? "" : normalized(path.value()));
      String httpMethod = httpMethod(method);
      if (httpMethod != null) {
        String route = here.startsWith("/{name}") ? here.substring("/{name}".length()) : here;
        routes.add(httpMethod + " " + (route.isEmpty() ? "/" : route));
      } else if (path != null) {
        walk(method.getReturnType(), here, routes, depth + 1);
      }
    }
  }

  private static String normalized(String template) {
    String path = template.startsWith("/") ? template : "/" + template;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The annotation on the method or on the method it implements (JAX-RS annotations sit on the interfaces). */
  private static <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> type) {
    A found = method.getAnnotation(type);
    if (found != null) {
      return found;
    }
    for (Class<?> implemented : method.getDeclaringClass().getInterfaces()) {
      try {
        found = implemented.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
        if (found != null) {
          return found;
        }
      } catch (NoSuchMethodException e) {
        // not this interface's
      }
    }
    return null;
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }
}
