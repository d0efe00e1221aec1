package org.sesreturns.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a logged-in user who is not an administrator may ask the engine's REST API, named by the
 * route the REST layer dispatched (the resource templates JAX-RS matched, {@code POST
 * /task/{id}/complete}), never by the path as the client spelt it. Default deny: a route, or a
 * method on it, that no rule here names is refused. The engine's authorizations and the
 * application's checks in each step stand behind what passes; these rules close what the engine
 * leaves open to any logged-in user and everything the cycle does not need.
 */
final class EngineRoutes {

  /** What a rule allows, and what it still checks in the request. */
  enum Kind {
    /** Allowed as it is. */
    PLAIN,
    /** A query: no expression anywhere in its parameters or its JSON body. */
    QUERY,
    /** A process start: at its start event, with its listeners and mappings. */
    START,
    /** For those who may use Cockpit (coordinators; administrators pass every rule). */
    COCKPIT
  }

  record Refusal(int status, String message) {}

  static final String EXPRESSION_REFUSED = "a query may not carry an expression (${...} or #{...})";

  private static final List<String> COCKPIT_USERS = List.of(Groups.COORDINATORS, Groups.ADMINS);

  /**
   * Reading: the engine answers each read with what the caller's authorizations let them see, so
   * reads are allowed by resource, except the engine's internals (jobs, job definitions, job logs,
   * batches, metrics, schema log, telemetry), which are for administrators.
   */
  private static final List<Pattern> READABLE = List.of(
      Pattern.compile("^/engine$"), // the engines' list
      Pattern.compile("^/version$"),
      Pattern.compile("^/(task|filter|process-definition|process-instance|execution|variable-instance|deployment"
          + "|decision-definition|decision-requirements-definition|case-definition|case-instance|case-execution"
          + "|incident|user|group|tenant|authorization|event-subscription)(/.*)?$"),
      Pattern.compile("^/identity/(groups|password-policy)$"),
      Pattern.compile("^/history/(process-instance|activity-instance|task|variable-instance|detail|incident"
          + "|decision-instance|identity-link-log|user-operation|process-definition|case-instance|case-activity-instance"
          + "|case-definition|decision-requirements-definition|external-task-log|case-activity-statistics)(/.*)?$"));

  /** Cockpit's figures: how many instances stand where, which leads could read off the returns. */
  private static final Pattern STATISTICS = Pattern.compile("^/(process-definition|deployment)(/.*)?/statistics(/.*)?$");

  /** Changing: only what the cycle's people do in Tasklist and Cockpit, each named. */
  private static final Map<String, Kind> CHANGES = Map.ofEntries(
      // queries sent as POST (Tasklist's task list, Cockpit's lists)
      Map.entry("POST /task", Kind.QUERY),
      Map.entry("POST /task/count", Kind.QUERY),
      Map.entry("POST /filter/{id}/list", Kind.QUERY),
      Map.entry("POST /filter/{id}/count", Kind.QUERY),
      Map.entry("POST /filter/{id}/singleResult", Kind.QUERY),
      Map.entry("POST /process-instance", Kind.QUERY),
      Map.entry("POST /process-instance/count", Kind.QUERY),
      Map.entry("POST /execution", Kind.QUERY),
      Map.entry("POST /execution/count", Kind.QUERY),
      Map.entry("POST /variable-instance", Kind.QUERY),
      Map.entry("POST /variable-instance/count", Kind.QUERY),
      Map.entry("POST /history/process-instance", Kind.QUERY),
      Map.entry("POST /history/process-instance/count", Kind.QUERY),
      Map.entry("POST /history/activity-instance", Kind.QUERY),
      Map.entry("POST /history/activity-instance/count", Kind.QUERY),
      Map.entry("POST /history/task", Kind.QUERY),
      Map.entry("POST /history/task/count", Kind.QUERY),
      Map.entry("POST /history/variable-instance", Kind.QUERY),
      Map.entry("POST /history/variable-instance/count", Kind.QUERY),
      Map.entry("POST /history/detail", Kind.QUERY),
      // Tasklist reads the user's groups this way
      Map.entry("POST /group", Kind.QUERY),
      Map.entry("POST /group/count", Kind.QUERY),
      // working on a task: the engine's TASK_WORK and the application's steps decide who
      Map.entry("POST /task/{id}/claim", Kind.PLAIN),
      Map.entry("POST /task/{id}/unclaim", Kind.PLAIN),
      Map.entry("POST /task/{id}/complete", Kind.PLAIN),
      Map.entry("POST /task/{id}/submit-form", Kind.PLAIN),
      // a coordinator hands a return to someone (the application's listener checks to whom)
      Map.entry("POST /task/{id}/assignee", Kind.PLAIN),
      Map.entry("PUT /task/{id}", Kind.PLAIN),
      Map.entry("POST /task/{id}/identity-links", Kind.PLAIN),
      Map.entry("POST /task/{id}/identity-links/delete", Kind.PLAIN),
      // starting a cycle from Tasklist or over REST
      Map.entry("POST /process-definition/{id}/start", Kind.START),
      Map.entry("POST /process-definition/{id}/submit-form", Kind.START),
      Map.entry("POST /process-definition/key/{key}/start", Kind.START),
      Map.entry("POST /process-definition/key/{key}/submit-form", Kind.START),
      Map.entry("POST /process-definition/key/{key}/tenant-id/{tenantId}/start", Kind.START),
      Map.entry("POST /process-definition/key/{key}/tenant-id/{tenantId}/submit-form", Kind.START),
      // a user changes their own password (the engine checks the old one and the policy)
      Map.entry("PUT /user/{id}/credentials", Kind.PLAIN));

  private EngineRoutes() {}

  /**
   * The refusal for this request, if it is refused. {@code route} is the dispatched route without
   * the engine's name ({@code /task/{id}/complete}); {@code parameters} and {@code body} are what
   * the request carries, decoded.
   */
  static Optional<Refusal> refusal(Caller caller, String method, String route, List<String> parameters,
      Optional<JsonNode> body) {
    // no expression a user writes is evaluated, an administrator's included (engine.QueryExpressionGuard
    // stands behind this where queries are run)
    if (parameters.stream().anyMatch(EngineRoutes::isExpression)
        || body.isPresent() && carriesQuery(method, route) && carriesExpression(body.get())) {
      return Optional.of(new Refusal(400, EXPRESSION_REFUSED));
    }
    if (Access.isAdministrator(caller)) {
      return Optional.empty();
    }
    boolean reading = Set.of("GET", "HEAD", "OPTIONS").contains(method);
    Kind kind = reading ? readable(route) : CHANGES.get(method + " " + route);
    if (kind == null) {
      return Optional.of(new Refusal(403, refusedWhy(method, route)));
    }
    return switch (kind) {
      case PLAIN -> Optional.empty();
      case COCKPIT -> caller.inAnyOf(COCKPIT_USERS) ? Optional.empty()
          : Optional.of(new Refusal(403, "process statistics are for coordinators and administrators"));
      case QUERY -> Optional.empty(); // its expressions were refused above
      case START -> body.filter(EngineRoutes::startsPartWay).map(b -> new Refusal(403,
          "a process starts at its start event: start instructions and skipped listeners or mappings are for administrators"));
    };
  }

  /** A body that holds a query: the queries sent as POST, and the filters' stored ones. */
  private static boolean carriesQuery(String method, String route) {
    return CHANGES.get(method + " " + route) == Kind.QUERY
        || "POST /filter/create".equals(method + " " + route) || "PUT /filter/{id}".equals(method + " " + route);
  }

  private static Kind readable(String route) {
    if (STATISTICS.matcher(route).matches()) {
      return Kind.COCKPIT;
    }
    return READABLE.stream().anyMatch(p -> p.matcher(route).matches()) ? Kind.PLAIN : null;
  }

  /** The words of a refusal by default: what was asked, and who may. */
  private static String refusedWhy(String method, String route) {
    if (route.matches("^/(metrics|job|job-definition|batch|schema/log|telemetry|history/(job-log|batch|cleanup))(/.*)?$")) {
      return "the engine's metrics, jobs and batches are for administrators";
    }
    if (route.matches("^/user/\\{id}(/profile)?$")) {
      return "people, their names and e-mail addresses come from the catalogue; ask a coordinator";
    }
    if (route.matches("^/process-definition/.+/restart(-async)?$")) {
      return "restarting process instances is for administrators";
    }
    return method + " " + route + " is not part of the cycle: it is for administrators";
  }

  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Any field name or text anywhere in a JSON body that holds an expression ({@code orQueries} included). */
  static boolean carriesExpression(JsonNode node) {
    if (node.isTextual()) {
      return isExpression(node.asText());
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (isExpression(field.getKey()) || carriesExpression(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (carriesExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Start instructions, or listeners or input mappings skipped: a start anywhere but the start event. */
  static boolean startsPartWay(JsonNode start) {
    if (!start.isObject()) {
      return false;
    }
    JsonNode instructions = start.path("startInstructions");
    return (!instructions.isMissingNode() && !instructions.isNull() && !(instructions.isArray() && instructions.isEmpty()))
        || start.path("skipCustomListeners").asBoolean(false) || start.path("skipIoMappings").asBoolean(false);
  }
}
