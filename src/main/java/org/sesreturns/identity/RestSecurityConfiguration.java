package org.sesreturns.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The web front doors, in the order a request meets them: its size, the security headers, the
 * login (HTTP Basic against the engine's users on the REST API; on the application's API HTTP
 * Basic or, for reading, the webapps' session, {@link ApiLogin}; the webapps log in with their
 * session). The login filter also makes the caller the engine's current user, so every engine
 * call over REST is checked against the authorizations. What a logged-in user may ask the engine
 * is decided after JAX-RS has dispatched the request ({@link EngineApiPolicy}), not here on the
 * path as it was spelt.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${ses.security.max-request-size}") DataSize max) {
    var registration = new FilterRegistrationBean<>(new RequestSizeLimit(max.toBytes()));
    registration.setName("ses-request-size-limit");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * A client that asks before sending a large body ({@code Expect: 100-continue}, as curl does) is
   * told to go on only when the application reads the body: a request refused by its size gets
   * its 413 without sending the body at all.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenRead() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    var registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("ses-security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** The login page's "who is logged in?" answered without a 404 when nobody is ({@link NobodyLoggedIn}). */
  @Bean
  FilterRegistrationBean<NobodyLoggedIn> nobodyLoggedIn() {
    var registration = new FilterRegistrationBean<>(new NobodyLoggedIn());
    registration.setName("ses-nobody-logged-in");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("ses-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(0);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiLogin> apiLogin(ObjectProvider<CurrentUser> currentUser, ObjectProvider<IdentityService> identity) {
    var registration = new FilterRegistrationBean<>(new ApiLogin(currentUser, identity));
    registration.setName("ses-api-login");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0);
    return registration;
  }
}
