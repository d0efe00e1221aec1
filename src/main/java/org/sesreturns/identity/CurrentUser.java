package org.sesreturns.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the user the engine authenticated for this request (HTTP Basic on the REST API,
 * the session in the webapps), as the engine's thread-local login holds it, or as the webapps'
 * session holds it. The one place that reads those engine-internal values; everything else asks
 * here.
 */
@Component
public class CurrentUser {

  /** The actor recorded when no user is logged in: the job executor, or start-up. */
  public static final String SYSTEM = "system";
  private static final String ENGINE = "default";

  private final IdentityService identity;

  CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Caller> get() {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
    return Optional.of(new Caller(authentication.getUserId(), groups));
  }

  /**
   * The caller of a request: the engine's login when an authentication filter has set it (the
   * REST API), else the user logged in to the webapps in this request's session.
   */
  public Optional<Caller> get(HttpServletRequest request) {
    Optional<Caller> engineLogin = get();
    if (engineLogin.isPresent() || request.getSession(false) == null) {
      return engineLogin;
    }
    var authentications = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    return Optional.of(new Caller(user.getIdentityId(), groups));
  }

  /**
   * The webapps' CSRF token of the request's session, which their own changes (the log-out) carry;
   * their CSRF filter keeps it in the session and in a cookie of the webapps' path only.
   */
  public Optional<String> webappsToken(HttpServletRequest request) {
    var session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token instanceof String t ? Optional.of(t) : Optional.empty();
  }

  /**
   * Runs an engine call as the application itself, without the caller's engine rights, once the
   * application has decided the caller may have it done (a coordinator's chaser, say); the
   * caller's login is restored afterwards.
   */
  public <T> T asApplication(java.util.function.Supplier<T> call) {
    var authentication = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (authentication != null) {
        identity.setAuthentication(authentication);
      }
    }
  }

  /** The caller's id, or {@link #SYSTEM} when the engine acts on its own. */
  public String id() {
    return get().map(Caller::userId).orElse(SYSTEM);
  }
}
