package org.sesreturns.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where {@link CollisionRetry} stands: after the logins and the engine API policy, before the engine. */
@Configuration(proxyBeanMethods = false)
class CollisionRetryConfiguration {

  @Bean
  FilterRegistrationBean<CollisionRetry> collisionRetry(org.camunda.bpm.engine.IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new CollisionRetry(identity));
    registration.setName("ses-collision-retry");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(2);
    return registration;
  }
}
