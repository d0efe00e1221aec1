package org.sesreturns.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls the application's API ({@code /api}): a user logged in to Tasklist or Cockpit, for
 * reading (so a form's link to the pack, or the start form's due date, opens in the same
 * browser), or anyone with HTTP Basic credentials, checked by the engine's own filter. A request
 * that changes something with the login session (a form saving its draft) must carry the webapps'
 * CSRF token in {@code X-XSRF-TOKEN}, as the webapps' own requests do: another site's page cannot
 * read it, so it cannot make a logged-in browser change anything here.
 */
class ApiLogin extends OncePerRequestFilter {

  private final ProcessEngineAuthenticationFilter basic = new ProcessEngineAuthenticationFilter();
  private final ObjectProvider<CurrentUser> currentUser;
  private final ObjectProvider<IdentityService> identity;

  ApiLogin(ObjectProvider<CurrentUser> currentUser, ObjectProvider<IdentityService> identity) {
    this.currentUser = currentUser;
    this.identity = identity;
  }

  @Override
  protected void initFilterBean() throws ServletException {
    basic.init(new BasicConfig(getServletContext()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    Optional<Caller> session = request.getHeader("Authorization") == null && (reading || csrfTokenMatches(request))
        ? currentUser.getObject().get(request) : Optional.empty();
    if (session.isEmpty()) {
      basic.doFilter(request, response, chain);
      return;
    }
    IdentityService identityService = identity.getObject();
    identityService.setAuthentication(session.get().userId(), session.get().groupIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The token the webapps' CSRF filter keeps in the session, sent back in the header. */
  private static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return header != null && token instanceof String expected
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }

  /** The engine filter's one setting: HTTP Basic against the engine's users. */
  private record BasicConfig(ServletContext context) implements FilterConfig {

    private static final Map<String, String> PARAMETERS =
        Map.of("authentication-provider", HttpBasicAuthenticationProvider.class.getName());

    @Override
    public String getFilterName() {
      return "ses-api-basic";
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }

    @Override
    public String getInitParameter(String name) {
      return PARAMETERS.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
      return Collections.enumeration(PARAMETERS.keySet());
    }
  }
}
