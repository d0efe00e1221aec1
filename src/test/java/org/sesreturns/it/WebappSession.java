package org.sesreturns.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, without the browser: it logs in as Tasklist does
 * (session cookie, XSRF token) and then calls the webapps' own API as a hand-made client could.
 */
final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs the user in to {@code app} (tasklist, cockpit, admin); the status of the login is returned by {@link #loginStatus}. */
  static WebappSession login(int port, String user, String password, String app) {
    WebappSession session = new WebappSession(port);
    session.loginStatus = session.doLogin(user, password, app);
    return session;
  }

  /** A browser that has not logged in: the webapps' cookies, no user. */
  static WebappSession anonymous(int port) {
    WebappSession session = new WebappSession(port);
    session.raw("/camunda/app/welcome/default/");
    return session;
  }

  int loginStatus;
  /** The cookies the server set on the way in, as it sent them (flags and all). */
  final java.util.List<String> loginCookies = new java.util.ArrayList<>();

  private int doLogin(String user, String password, String app) {
    loginCookies.addAll(raw("/camunda/app/" + app + "/default/").headers().allValues("Set-Cookie"));
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", xsrf())
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      loginCookies.addAll(response.headers().allValues("Set-Cookie"));
      // the login starts a new session; its first request hands out the session's XSRF token
      get("/camunda/api/admin/auth/user/default");
      return response.statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  Rest.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  Rest.Response post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST without the XSRF token, as a page of another site would send it with the user's cookie. */
  Rest.Response postWithoutToken(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A change with the session's XSRF token, as the webapps send it, or without it, as another site's page would. */
  Rest.Response put(String path, String json, boolean withToken) {
    var request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (withToken) {
      request.header("X-XSRF-TOKEN", xsrf());
    }
    return send(request);
  }

  HttpResponse<String> raw(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  /** Any request, with the session's XSRF token when {@code withToken}, as the webapps send their changes. */
  Rest.Response send(HttpRequest.Builder request, boolean withToken) {
    if (withToken) {
      request.header("X-XSRF-TOKEN", xsrf());
    }
    return send(request);
  }

  private Rest.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Rest.Response(response.statusCode(), response.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
