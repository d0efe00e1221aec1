package org.sesreturns.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on what the application itself serves (its API, the board pack, the engine's
 * REST API). The Camunda webapps under {@code /camunda} set their own, with a content security
 * policy their scripts need, and are left to it. The pack is HTML with its style inline and no
 * script: the policy lets it style itself and run nothing.
 */
class SecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline';"
      + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Cache-Control", "no-store");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    chain.doFilter(request, response);
  }
}
