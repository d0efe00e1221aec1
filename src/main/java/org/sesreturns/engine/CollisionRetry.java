package org.sesreturns.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tries again, before anyone is told, a change that collided with another in the same moment: a
 * submission, a sign-off or a start that met the step telling the SES lead, or a reminder, on the
 * same return (OptimisticLockingException). The engine stored nothing of it, because the whole
 * change is one transaction, so doing it again is safe; only when it collides four times does the
 * user get the 409 and its words. Completing a task and starting a process, over the REST API
 * and from Tasklist; the request's body is kept to be sent again.
 */
class CollisionRetry extends OncePerRequestFilter {

  private static final Pattern RETRIED = Pattern.compile(
      "^(/engine-rest|/camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?/(task/[^/]+/(complete|submit-form)"
          + "|process-definition/.+/(start|submit-form))$");
  static final int ATTEMPTS = 4;
  private static final Logger log = LoggerFactory.getLogger(CollisionRetry.class);
  private static final byte[] COLLIDED = "\"type\":\"OptimisticLockingException\"".getBytes(StandardCharsets.UTF_8);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equals(request.getMethod()) || !RETRIED.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    for (int attempt = 1; ; attempt++) {
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(new RereadableRequest(request, body), answer);
      if (attempt == ATTEMPTS || !collided(answer)) {
        answer.copyBodyToResponse();
        return;
      }
      // nothing was sent yet: the next attempt's status and body replace this one's
      log.info("{} {} collided with another change (attempt {} of {}); trying again", request.getMethod(),
          request.getRequestURI(), attempt, ATTEMPTS);
      pause(attempt);
    }
  }

  private static boolean collided(ContentCachingResponseWrapper answer) {
    int status = answer.getStatus();
    return (status == HttpServletResponse.SC_CONFLICT || status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR)
        && contains(answer.getContentAsByteArray(), COLLIDED);
  }

  private static boolean contains(byte[] text, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= text.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (text[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** A little longer each time, and never the same for two requests, so they do not collide again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt + ThreadLocalRandom.current().nextLong(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
