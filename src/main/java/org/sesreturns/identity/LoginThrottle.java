package org.sesreturns.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a login whose account must still wait from the caller's address ({@link LoginAttempts})
 * with 429 and {@code Retry-After}, before its password is checked: HTTP Basic on any path, the
 * webapps' login form and {@code identity/verify}. Every request is told its address for the
 * engine's password checks ({@link CountedPasswordChecks}), which do the counting.
 *
 * <p>The address is the connection's, unless it comes from a proxy trusted in
 * {@code server.tomcat.remoteip.internal-proxies} ({@code SES_TRUSTED_PROXIES}): then Tomcat has
 * already replaced it with the one that proxy forwarded. A forwarded header from anyone else
 * changes nothing.
 */
class LoginThrottle extends OncePerRequestFilter {

  /** The webapps' login form, whatever the webapps' path and the engine's name. */
  private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");
  /** On {@code /engine-rest} and on the webapps' engine API. */
  private static final Pattern VERIFY = Pattern.compile(".*/identity/verify/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoginAttempts attempts;

  LoginThrottle(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    HttpServletRequest passedOn = request;
    List<String> accounts = new ArrayList<>(2);
    basicUser(request).ifPresent(accounts::add);
    if ("POST".equals(request.getMethod())) {
      String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
      boolean form = WEBAPP_LOGIN.matcher(path).matches();
      if (form || VERIFY.matcher(path).matches()) {
        // small: RequestSizeLimit, before this filter, refused anything large or of unknown length
        byte[] body = request.getInputStream().readAllBytes();
        passedOn = new RereadableRequest(request, body);
        (form ? formUser(body) : jsonUser(body)).ifPresent(accounts::add);
      }
    }
    for (String account : accounts) {
      Optional<Duration> wait = attempts.waitLeft(account, address);
      if (wait.isPresent()) {
        tooMany(response, wait.get());
        return;
      }
    }
    attempts.servingFrom(address);
    try {
      chain.doFilter(passedOn, response);
    } finally {
      attempts.served();
    }
  }

  private static void tooMany(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), Map.of("type", "TooManyFailedLogins", "message",
        "Too many failed logins for this account from this address: try again in " + seconds
            + (seconds == 1 ? " second." : " seconds.")));
  }

  /** The user name as the engine's HTTP Basic provider reads it: up to the first colon. */
  private static Optional<String> basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return Optional.empty();
    }
    String credentials;
    try {
      // lenient, and in the platform's charset, as the engine decodes it
      credentials = new String(Base64.getMimeDecoder().decode(header.substring(6)), Charset.defaultCharset());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = credentials.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
  }

  private static Optional<String> formUser(byte[] body) {
    for (String field : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      if (field.startsWith("username=")) {
        try {
          return Optional.of(URLDecoder.decode(field.substring("username=".length()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> jsonUser(byte[] body) {
    try {
      JsonNode username = JSON.readTree(body).path("username");
      return username.isTextual() ? Optional.of(username.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
