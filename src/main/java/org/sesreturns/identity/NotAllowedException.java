package org.sesreturns.identity;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A step the caller is not the person (or role) for: the application's own refusal, whatever the
 * engine's authorizations allowed. Thrown inside an engine command it rolls the command back, so
 * nothing is stored; the REST API answers {@code 403 Forbidden} with this message.
 */
public class NotAllowedException extends AuthorizationException {

  public NotAllowedException(String message) {
    super(message);
  }
}
