package org.sesreturns.identity;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Login throttling per account and address: the counting in the engine's password checks, the
 * early 429 in a filter that runs before every login filter (those have orders 0 and 1).
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

  @Bean
  LoginAttempts loginAttempts(LoginThrottleProperties settings) {
    return new LoginAttempts(settings);
  }

  @Bean
  CountedPasswordChecks countedPasswordChecks(LoginAttempts attempts) {
    return new CountedPasswordChecks(attempts);
  }

  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(LoginAttempts attempts) {
    var registration = new FilterRegistrationBean<>(new LoginThrottle(attempts));
    registration.setName("ses-login-throttle");
    registration.addUrlPatterns("/*");
    // after the request size limit (+10), so the login bodies it reads are small
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
