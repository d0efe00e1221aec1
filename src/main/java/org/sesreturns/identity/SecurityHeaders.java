package org.sesreturns.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on what the application itself serves (its API, the board pack, the engine's
 * REST API). The Camunda webapps under {@code /camunda} set their own, with a content security
 * policy their scripts need, and are left to it. The pack is HTML with its style inline and no
 * script: the policy lets it style itself and run nothing, and lets only the application's own
 * pages (the review and presentation forms in Tasklist) show it in a frame. The Board packs page
 * runs its own script and nothing else.
 */
class SecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline';"
      + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  static final String PACK_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
      + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** The pack as HTML: the current one, or a version by number. */
  private static final Pattern PACK_HTML = Pattern.compile("^/api/cycles/[^/]+/pack(\\.html|/versions/\\d+\\.html)?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/")) {
      boolean pack = PACK_HTML.matcher(path).matches();
      response.setHeader("Content-Security-Policy", pack ? PACK_POLICY : path.startsWith("/packs") ? PAGE_POLICY
          : CONTENT_SECURITY_POLICY);
      response.setHeader("X-Frame-Options", pack ? "SAMEORIGIN" : "DENY");
      response.setHeader("Cache-Control", "no-store");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    chain.doFilter(request, response);
  }
}
