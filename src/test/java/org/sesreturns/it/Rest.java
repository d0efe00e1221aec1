package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Calls the application over HTTP as a user would, with HTTP Basic authentication. */
public final class Rest {

  public static final String PASSWORD = "Quarterly-Test-1";
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final int port;
  private final Spelling spelling;
  /** The users' webapp sessions, for a spelling that goes through the webapps' alias of the engine's API. */
  private final Map<String, WebappSession> sessions;

  public Rest(int port) {
    this(port, Spelling.PLAIN, HttpClient.newHttpClient(), new java.util.concurrent.ConcurrentHashMap<>());
  }

  private Rest(int port, Spelling spelling, HttpClient http, Map<String, WebappSession> sessions) {
    this.port = port;
    this.base = "http://localhost:" + port;
    this.spelling = spelling;
    this.http = http;
    this.sessions = sessions;
  }

  /** The same client, writing every path in another spelling of the same request. */
  public Rest spelt(Spelling spelling) {
    return new Rest(port, spelling, http, sessions);
  }

  /**
   * One way of writing the paths of the engine's REST API (and the application's API) that the
   * servlet container, or JAX-RS, takes for the same request, or nearly: the rules in front of the
   * engine must decide on what is dispatched, not on the spelling.
   */
  public record Spelling(String name, java.util.function.UnaryOperator<String> engine,
      java.util.function.UnaryOperator<String> application, boolean webappSession) {

    public static final Spelling PLAIN = new Spelling("as documented", p -> p, p -> p, false);

    /** Every spelling tried: the plain one first. */
    public static List<Spelling> all() {
      return List.of(PLAIN,
          new Spelling("trailing slash", p -> p + "/", p -> p + "/", false),
          new Spelling("two trailing slashes", p -> p + "//", p -> p + "//", false),
          new Spelling("doubled slash after the API", p -> p.replaceFirst("^/engine-rest/", "/engine-rest//"),
              p -> p.replaceFirst("^/api/", "/api//"), false),
          new Spelling("doubled slash inside", Rest::doubledInside, Rest::doubledInside, false),
          new Spelling("path parameter", p -> withSegment(p, ";ses=1"), p -> withSegment(p, ";ses=1"), false),
          new Spelling("empty path parameter", p -> p + ";", p -> p + ";", false),
          new Spelling("percent-encoded letter", Rest::encodedLetter, Rest::encodedLetter, false),
          new Spelling("upper case", Rest::upperCase, Rest::upperCase, false),
          new Spelling("encoded slash", p -> p.replaceFirst("^(/[^/]+/[^/]+)/", "$1%2F"), p -> p.replaceFirst("^(/[^/]+/[^/]+)/", "$1%2F"), false),
          new Spelling("encoded percent", p -> encodedLetter(p).replaceFirst("%", "%25"), p -> encodedLetter(p).replaceFirst("%", "%25"), false),
          new Spelling("dot segment", p -> p.replaceFirst("^/engine-rest/", "/engine-rest/./"), p -> p.replaceFirst("^/api/", "/api/./"), false),
          new Spelling("dot-dot segment", p -> p.replaceFirst("^/engine-rest/([^/]+)/", "/engine-rest/$1/x/../"),
              p -> p.replaceFirst("^/api/([^/]+)/", "/api/$1/x/../"), false),
          new Spelling("named engine", p -> p.replaceFirst("^/engine-rest/", "/engine-rest/engine/default/"), p -> p, false),
          new Spelling("named engine, trailing slash", p -> p.replaceFirst("^/engine-rest/", "/engine-rest/engine/default/") + "/",
              p -> p, false),
          new Spelling("the webapps' alias", p -> p.replaceFirst("^/engine-rest/", "/camunda/api/engine/engine/default/"),
              p -> p, true),
          new Spelling("the webapps' alias, trailing slash",
              p -> p.replaceFirst("^/engine-rest/", "/camunda/api/engine/engine/default/") + "/", p -> p, true),
          new Spelling("the webapps' alias, no engine name", p -> p.replaceFirst("^/engine-rest/", "/camunda/api/engine/"),
              p -> p, true));
    }

    String spell(String pathAndQuery) {
      int query = pathAndQuery.indexOf('?');
      String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
      String rest = query < 0 ? "" : pathAndQuery.substring(query);
      if (path.startsWith("/engine-rest/")) {
        return engine.apply(path) + rest;
      }
      return path.startsWith("/api/") ? application.apply(path) + rest : pathAndQuery;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The path with its last slash doubled: {@code /engine-rest/task//abc}. */
  private static String doubledInside(String path) {
    int last = path.lastIndexOf('/');
    return last <= path.indexOf('/', 1) ? path : path.substring(0, last) + "/" + path.substring(last);
  }

  /** A parameter on the path's second segment: {@code /engine-rest/task;ses=1/abc}. */
  private static String withSegment(String path, String parameter) {
    int second = path.indexOf('/', 1);
    int end = path.indexOf('/', second + 1);
    return end < 0 ? path + parameter : path.substring(0, end) + parameter + path.substring(end);
  }

  /** The path's second segment in capitals: {@code /engine-rest/TASK/abc}. */
  private static String upperCase(String path) {
    int second = path.indexOf('/', 1) + 1;
    int end = path.indexOf('/', second);
    end = end < 0 ? path.length() : end;
    return path.substring(0, second) + path.substring(second, end).toUpperCase(java.util.Locale.ROOT) + path.substring(end);
  }

  /** The first letter of the path's second segment percent-encoded: {@code /engine-rest/%74ask}. */
  private static String encodedLetter(String path) {
    int second = path.indexOf('/', 1) + 1;
    char letter = path.charAt(second);
    return path.substring(0, second) + String.format("%%%02X", (int) letter) + path.substring(second + 1);
  }

  /** The address of a path as this client spells it. */
  public String url(String path) {
    return base + spelling.spell(path);
  }

  private URI uri(String path) {
    return URI.create(base + spelling.spell(path));
  }

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  public Response delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  public Response post(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response put(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A POST whose body is sent as it is: JSON the test wrote by hand, of any size. */
  public Response postText(String user, String path, String json) {
    return send(user, HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Sends only a request's headers, announcing a body of {@code contentLength} bytes, and reads
   * the status the server answers without waiting for the body.
   */
  public int statusOfHeadersOnly(String user, String method, String path, long contentLength) {
    URI uri = uri(path);
    try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      String head = method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
          + "Authorization: Basic " + credentials + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + contentLength + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The response with its headers, for what a browser does with them. */
  public HttpResponse<String> exchange(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    authenticate(user, PASSWORD, request);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A download: the response's bytes, as they were served. */
  public HttpResponse<byte[]> download(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    authenticate(user, PASSWORD, request);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET with a password other than the test one: a wrong one, or one a user changed. */
  public int getWithPassword(String user, String password, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    authenticate(user, password, request);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void authenticate(String user, String password, HttpRequest.Builder request) {
    if (user != null) {
      String credentials = user + ":" + password;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private Response send(String user, HttpRequest.Builder request) {
    if (spelling.webappSession() && request.build().uri().getPath().startsWith("/camunda/")) {
      // the webapps' alias takes the webapps' login (a session), not HTTP Basic; nobody logged in is anonymous
      return user == null ? WebappSession.anonymous(port).send(request, true)
          : sessions.computeIfAbsent(user, u -> WebappSession.login(port, u, PASSWORD, "welcome")).send(request, true);
    }
    authenticate(user, PASSWORD, request);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the engine's REST API, as the users' clients call it

  /** Variables in the engine REST API's shape: strings as strings, JSON trees as Json. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode v = variables.putObject(name);
      if (value instanceof JsonNode node) {
        v.put("value", node.toString());
        v.put("type", "Json");
      } else if (value instanceof Boolean b) {
        v.put("value", b);
        v.put("type", "Boolean");
      } else {
        v.putPOJO("value", value);
      }
    });
    return Map.of("variables", variables);
  }

  public Response startCycle(String user, String period, String returnsDue, String boardMeeting) {
    return post(user, "/engine-rest/process-definition/key/quarterlyCycleProcess/submit-form",
        variables(Map.of("period", period, "returnsDue", returnsDue, "boardMeeting", boardMeeting)));
  }

  /**
   * The one open task of a process instance with this business key that the user can see, once
   * the steps due at the moment have run (telling its person it is theirs): people act on a task
   * once they are told of it, not in the milliseconds between.
   */
  public JsonNode task(String user, String businessKey) {
    return task(user, businessKey, null);
  }

  /** The same, for one task of the process ({@code userTask_reviewPack}): a cycle may have two open at once. */
  public JsonNode task(String user, String businessKey, String taskDefinitionKey) {
    String query = "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + businessKey.replace("/", "%2F")
        + (taskDefinitionKey == null ? "" : "&taskDefinitionKey=" + taskDefinitionKey);
    JsonNode tasks = waitFor(() -> {
      JsonNode list = get(user, query).json();
      return list.size() > 0 ? list : null;
    }, "a task of " + businessKey + " for " + user + (taskDefinitionKey == null ? "" : " (" + taskDefinitionKey + ")"));
    assertThat(tasks.size()).isOne();
    String instance = tasks.get(0).get("processInstanceId").asText();
    waitFor(() -> get("admin", "/engine-rest/job/count?executable=true&processInstanceId=" + instance).json().get("count").asInt() == 0
        ? true : null, "the steps due now in " + businessKey);
    return tasks.get(0);
  }

  public JsonNode formVariables(String user, String taskId) {
    // serialized values: a Json variable then arrives as its JSON text, as Tasklist reads it
    Response response = get(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** A Json form variable's value, parsed. */
  public static JsonNode jsonValue(JsonNode formVariables, String name) {
    JsonNode value = formVariables.get(name).get("value");
    try {
      return value.isTextual() ? JSON.readTree(value.asText()) : value;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  public Response complete(String user, String taskId, Map<String, Object> values) {
    return post(user, "/engine-rest/task/" + taskId + "/complete", variables(values));
  }

  public Response submitForm(String user, String taskId, Map<String, Object> values) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", variables(values));
  }

  /** Gives every prefilled KPI row a value its type accepts and a status, as a lead would. */
  public static JsonNode filledIn(JsonNode rows) {
    for (JsonNode row : rows) {
      ((ObjectNode) row).put("achieved", switch (row.path("type").asText()) {
        case "yes-no" -> "yes";
        case "trend" -> "same";
        case "narrative" -> "";
        case "milestone" -> "On track";
        default -> "5";
      }).put("status", "green");
    }
    return rows;
  }

  public static <T> T waitFor(Supplier<T> probe, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /**
   * Waits until no job of the cycle or its returns is due (a "told" timer due at once makes its
   * message step's job when it fires, so waiting for the message steps alone could come too early):
   * a cancellation while a message is being sent would collide with it.
   */
  public static void waitForNoJobDue(org.springframework.jdbc.core.simple.JdbcClient jdbc, String cycleKey) {
    waitFor(() -> jdbc.sql("""
            select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
            where e.business_key_ like ? and j.retries_ > 0 and (j.duedate_ is null or j.duedate_ <= ?)""")
        .params(cycleKey + "%", java.sql.Timestamp.from(java.time.Instant.now())).query(Integer.class).single() == 0
        ? true : null, "no job of the cycle " + cycleKey + " to be due");
  }

  public static List<String> texts(JsonNode array, String field) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }
}
