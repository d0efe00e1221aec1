package org.sesreturns.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Every password the engine checks is counted in {@link LoginAttempts}, whichever way it came in
 * (HTTP Basic, the webapps' login, {@code identity/verify}, a password change's
 * {@code authenticatedUserPassword}, on {@code /engine-rest} or the webapps' engine API), and is
 * not checked at all while its account and address wait. {@link LoginThrottle} answers the ways in
 * it knows with 429 before they get here; any other gets its usual refusal of a wrong password.
 *
 * <p>The engine's own throttling is switched off here: it counts per user alone, so anyone's wrong
 * passwords kept the owner's right one refused for as long as they kept guessing, and at
 * {@code loginMaxAttempts} locked the user for good.
 */
final class CountedPasswordChecks extends AbstractProcessEnginePlugin {

  private final LoginAttempts attempts;

  CountedPasswordChecks(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return Provider.class;
      }

      @Override
      public Session openSession() {
        return new Provider(attempts);
      }
    });
  }

  /** The engine's users and passwords in its database, as before, with the checks counted. */
  static final class Provider extends DbIdentityServiceProvider {

    private final LoginAttempts attempts;

    Provider(LoginAttempts attempts) {
      this.attempts = attempts;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      if (!attempts.admit(userId)) {
        return false;
      }
      boolean valid = super.checkPassword(userId, password);
      if (valid) {
        attempts.succeeded(userId);
      }
      return valid;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
      return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
      // no per-user count and no lock: LoginAttempts counts per account and address
    }
  }
}
