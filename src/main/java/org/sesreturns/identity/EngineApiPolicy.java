package org.sesreturns.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sesreturns.engine.Caller;
import org.sesreturns.engine.CurrentUser;
import org.sesreturns.engine.RereadableRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the engine's API offers a logged-in user beyond what the cycle needs, refused at both of
 * its front doors: the REST API ({@code /engine-rest}) and the webapps' copy of it
 * ({@code /camunda/api/engine}), with Cockpit's own API ({@code /camunda/api/cockpit}).
 * Administrators pass; for everyone else:
 * <ul>
 *   <li>the engine's internals (metrics, jobs, job definitions, job logs, batches) are not readable;
 *   <li>a process is started only at its start event, with its listeners and mappings: no start
 *       instructions, no skipped listeners or mappings, no restart of ended instances;
 *   <li>the catalogue owns people: nobody changes their own name or e-mail, or deletes themselves
 *       (changing one's password stays possible);
 *   <li>Cockpit's statistics, and Cockpit's API, are for those who may use Cockpit;
 *   <li>no query carries an expression ({@code ${...}}, {@code #{...}}), wherever in the query it
 *       hides: the engine checks only the top level of a task query (CVE-2026-109432, an
 *       expression in {@code orQueries} runs code on the server).
 * </ul>
 * And for everyone, logged in or not: the Admin webapp's first-run setup, which can create an
 * administrator (CVE-2026-77226), is closed; the administrator is created at start-up.
 * The engine's authorizations and the application's own checks in each step stand behind this;
 * it closes what the engine leaves open to any logged-in user.
 */
class EngineApiPolicy extends OncePerRequestFilter {

  private static final Pattern ENGINE_API = Pattern.compile("^(/engine-rest|/camunda/api/engine)(/engine/[^/]+)?(/.*)?$");
  private static final Pattern INTERNALS = Pattern.compile(
      "^/(metrics|job|job-definition|history/job-log|batch|history/batch|schema/log|telemetry)(/.*)?$");
  private static final Pattern START = Pattern.compile("^/process-definition/.+/start$");
  /** Restarting ended instances takes start instructions and skips listeners too. */
  private static final Pattern RESTART = Pattern.compile("^/process-definition/.+/restart(-async)?$");
  private static final Pattern OWN_RECORD = Pattern.compile("^/user/[^/]+(/profile)?$");
  private static final Pattern QUERY = Pattern.compile(
      "^/(task|filter/[^/]+/(list|count|singleResult)|process-instance|execution|variable-instance|history/.+)(/count)?$");
  private static final String SETUP = "/camunda/api/admin/setup/";
  private static final Pattern STATISTICS = Pattern.compile("^/(process-definition|deployment)(/.*)?/statistics(/.*)?$");
  private static final List<String> COCKPIT_USERS = List.of(Groups.COORDINATORS, Groups.ADMINS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<CurrentUser> currentUser;

  EngineApiPolicy(ObjectProvider<CurrentUser> currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
    if (path.startsWith(SETUP)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "the first-run setup is closed: the administrator is"
          + " created at start-up from SES_ADMIN_USER and SES_ADMIN_PASSWORD");
      return;
    }
    Optional<Caller> caller = currentUser.getObject().get(request);
    if (caller.isEmpty() || Access.isAdministrator(caller.get())) {
      // anonymous calls are refused by the authentication in front of each API
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/camunda/api/cockpit/") && !caller.get().inAnyOf(COCKPIT_USERS)) {
      refuse(response, "Cockpit is for coordinators and administrators");
      return;
    }
    var engine = ENGINE_API.matcher(path);
    if (!engine.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String resource = Optional.ofNullable(engine.group(3)).orElse("/");
    String method = request.getMethod();
    if (request.getQueryString() != null && expression(decoded(request.getQueryString()))) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, EXPRESSION_REFUSED);
    } else if ("POST".equals(method) && QUERY.matcher(resource).matches()) {
      byte[] body = request.getInputStream().readAllBytes();
      if (carriesExpression(body)) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, EXPRESSION_REFUSED);
        return;
      }
      chain.doFilter(new RereadableRequest(request, body), response);
    } else if (INTERNALS.matcher(resource).matches()) {
      refuse(response, "the engine's metrics, jobs and batches are for administrators");
    } else if (STATISTICS.matcher(resource).matches() && !caller.get().inAnyOf(COCKPIT_USERS)) {
      refuse(response, "process statistics are for coordinators and administrators");
    } else if (OWN_RECORD.matcher(resource).matches() && ("PUT".equals(method) || "DELETE".equals(method))) {
      refuse(response, "people, their names and e-mail addresses come from the catalogue; ask a coordinator");
    } else if (RESTART.matcher(resource).matches()) {
      refuse(response, "restarting process instances is for administrators");
    } else if (START.matcher(resource).matches() && "POST".equals(method)) {
      byte[] body = request.getInputStream().readAllBytes();
      if (startsPartWay(body)) {
        refuse(response, "a process starts at its start event: start instructions and skipped listeners or"
            + " mappings are for administrators");
        return;
      }
      chain.doFilter(new RereadableRequest(request, body), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static final String EXPRESSION_REFUSED = "a query may not carry an expression (${...} or #{...})";

  private static String decoded(String queryString) {
    try {
      return java.net.URLDecoder.decode(queryString, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return queryString; // Tomcat refuses a malformed query itself
    }
  }

  private static boolean expression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** A JSON body as a tree; empty when it is not JSON, which the engine then answers with 400 itself. */
  private static Optional<JsonNode> json(byte[] body) {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Any field name or text anywhere in a JSON body that holds an expression. */
  private static boolean carriesExpression(byte[] body) {
    return json(body).map(EngineApiPolicy::carriesExpression).orElse(false);
  }

  private static boolean carriesExpression(JsonNode node) {
    if (node.isTextual()) {
      return expression(node.asText());
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (expression(field.getKey()) || carriesExpression(field.getValue())) {
        return true;
      }
    }
    for (JsonNode element : node.isArray() ? node : List.<JsonNode>of()) {
      if (carriesExpression(element)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsPartWay(byte[] body) {
    JsonNode start = json(body).orElse(null);
    if (start == null || !start.isObject()) {
      return false;
    }
    JsonNode instructions = start.path("startInstructions");
    return (!instructions.isMissingNode() && !instructions.isNull() && !(instructions.isArray() && instructions.isEmpty()))
        || start.path("skipCustomListeners").asBoolean(false) || start.path("skipIoMappings").asBoolean(false);
  }

  private static void refuse(HttpServletResponse response, String why) throws IOException {
    refuse(response, HttpServletResponse.SC_FORBIDDEN, why);
  }

  private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(
        java.util.Map.of("type", status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException",
            "message", why)));
  }
}
