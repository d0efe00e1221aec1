package org.sesreturns.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where {@link JsonDepthLimit} stands: after the request size limit (so it reads at most that many
 * bytes) and the security headers (so its refusal carries them), before the logins and the engine
 * API policy, which parse the body themselves; on every API that takes JSON.
 */
@Configuration(proxyBeanMethods = false)
class JsonDepthLimitConfiguration {

  @Bean
  FilterRegistrationBean<JsonDepthLimit> jsonDepthLimit(@Value("${ses.security.max-json-depth}") int maxDepth) {
    var registration = new FilterRegistrationBean<>(new JsonDepthLimit(maxDepth));
    registration.setName("ses-json-depth-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
