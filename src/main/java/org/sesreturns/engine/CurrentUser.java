package org.sesreturns.engine;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who is acting in a delegate or listener: the user authenticated for the engine call. */
public final class CurrentUser {

  private CurrentUser() {}

  public static String of(DelegateExecution execution) {
    return userOr(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication(), null);
  }

  private static String userOr(Authentication authentication, String fallback) {
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback != null ? fallback : "system";
  }
}
