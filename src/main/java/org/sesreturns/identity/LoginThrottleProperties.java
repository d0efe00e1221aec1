package org.sesreturns.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed, per account and address ({@link LoginAttempts}).
 *
 * @param freeFailures failed logins for one account from one address before that pair must wait
 * @param firstDelay the first wait; each further failure doubles it
 * @param maxDelay the longest wait
 * @param forgetAfter a pair with no attempt for this long is forgotten; at least {@code maxDelay},
 *     so no pair is forgotten while it waits unless the table is full
 * @param maxPairs the most pairs remembered; past it the one whose last attempt is oldest goes
 */
@ConfigurationProperties("ses.security.login-throttle")
record LoginThrottleProperties(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
    int maxPairs) {

  LoginThrottleProperties {
    if (freeFailures < 1 || maxPairs < 1) {
      throw new IllegalArgumentException("ses.security.login-throttle: free-failures and max-pairs must be at least 1");
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("ses.security.login-throttle: first-delay must be positive and max-delay at least it");
    }
    if (forgetAfter.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException("ses.security.login-throttle: forget-after must be at least max-delay");
    }
  }
}
