package org.sesreturns.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login page asks who is logged in ({@code GET /camunda/api/admin/auth/user/default})
 * before anyone is, and Camunda answers "nobody" with a 404, which every browser's console logs as
 * a failed resource at each login. Answered here with 204 No Content instead: the webapps take any
 * answer but 200 as "nobody" (their authentication service), so the page behaves as before and the
 * console stays clean. Only the question with nobody logged in to that engine in the session is
 * answered; everything else, a logged-in user's question included, goes on to Camunda.
 */
class NobodyLoggedIn extends OncePerRequestFilter {

  private static final Pattern WHO_IS_LOGGED_IN = Pattern.compile("^/camunda/api/admin/auth/user/([A-Za-z0-9_-]+)$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher question = WHO_IS_LOGGED_IN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if ("GET".equals(request.getMethod()) && question.matches() && !loggedIn(request.getSession(false), question.group(1))) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      response.setHeader("Cache-Control", "no-store");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean loggedIn(HttpSession session, String engine) {
    if (session == null) {
      return false;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.hasAuthenticationForProcessEngine(engine);
  }
}
