package org.sesreturns.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.SecurityActions;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.sesreturns.identity.RereadableRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tries again, before anyone is told, a request that collided with another change in the same
 * moment: a submission, a sign-off or a start that met the step telling the SES lead, or a
 * reminder, on the same return (OptimisticLockingException), and any read of the engine's APIs.
 * The engine stored nothing of it, because the whole change is one transaction, so doing it again
 * is safe. Completing a task and starting a process, over the REST API and from Tasklist; the
 * request's body is kept to be sent again.
 *
 * <p>A read collides without writing anything: the engine reads a task's execution, and later, in
 * another statement, the whole execution tree of its process, and a step of the application
 * committing in between (the lead being told of a return sent back ends a branch of the tree)
 * leaves it the task's execution under a parent that is gone (ENGINE-03077, issue 15). Read
 * again, the tree is whole. A read is never a person's change meeting another, so it is always
 * tried again.
 *
 * <p>The collisions seen are with the application's own steps, which run one after another for a
 * few hundred milliseconds after a user's change (a timer due at once, then the message it
 * causes): attempts go on, each pause a little longer, for a few seconds ({@link #ATTEMPTS}). A
 * person's change that truly conflicts (the same task completed twice) stops colliding at the next
 * attempt, which meets the change and answers it plainly; only a request that still collides after
 * every attempt gets the 409 and its words.
 */
class CollisionRetry extends OncePerRequestFilter {

  private static final Pattern RETRIED = Pattern.compile(
      "^(/engine-rest|/camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?/(task/[^/]+/(complete|submit-form)"
          + "|process-definition/.+/(start|submit-form))/*$");
  /** About four seconds in all, with the pauses below. */
  static final int ATTEMPTS = 20;
  private static final Logger log = LoggerFactory.getLogger(CollisionRetry.class);
  private final IdentityService identity;
  private static final byte[] COLLIDED = "\"type\":\"OptimisticLockingException\"".getBytes(StandardCharsets.UTF_8);

  CollisionRetry(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"GET".equals(request.getMethod())
        && (!"POST".equals(request.getMethod()) || !RETRIED.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    for (int attempt = 1; ; attempt++) {
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      if (attempt == 1) {
        chain.doFilter(new RereadableRequest(request, body), answer);
      } else {
        again(request, () -> {
          chain.doFilter(new RereadableRequest(request, body), answer);
          return null;
        });
      }
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

  /**
   * An attempt after the first, as its caller. The servlet container's filter chain runs each
   * filter once per request: called again, it goes straight to the engine's API, past the filters
   * after this one, the webapps' login among them (it sets the caller of Tasklist's and Cockpit's
   * requests, from their session, for the first attempt only and clears it once it is answered).
   * Without it an attempt would run as nobody: the engine's authorization checks skipped, the
   * application refusing "system". The logins of the REST API come before this filter and hold for
   * every attempt.
   */
  private void again(HttpServletRequest request, SecurityActions.SecurityAction<Void> attempt)
      throws IOException, ServletException {
    Authentications session = request.getSession(false) == null ? null
        : AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    if (identity.getCurrentAuthentication() != null || session == null || session.getAuthentications().isEmpty()) {
      attempt.execute();
      return;
    }
    Authentications.setCurrent(session);
    try {
      SecurityActions.runWithAuthentications(attempt, session);
    } finally {
      Authentications.clearCurrent();
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

  /**
   * A little longer each time, up to a quarter of a second, and never the same for two requests,
   * so they do not collide again.
   */
  static long pauseMillis(int attempt) {
    return Math.min(25L * attempt, 250L) + ThreadLocalRandom.current().nextLong(30);
  }

  /** Waits before the next attempt (a test waits not at all). */
  void pause(int attempt) {
    try {
      Thread.sleep(pauseMillis(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
