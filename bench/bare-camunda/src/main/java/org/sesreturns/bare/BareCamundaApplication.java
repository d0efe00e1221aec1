package org.sesreturns.bare;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Camunda 7.24 on Spring Boot with nothing of ses-returns: one process of two user tasks, HTTP Basic
 * on the REST API, authorization on, and the benchmark's users (lead-0..99, ses-0..9).
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** The users, as the catalogue makes them in ses-returns; tasks are assigned, so assignees may work on them. */
  @Bean
  ApplicationRunner users(IdentityService identity, @Value("${bare.password}") String password) {
    return args -> {
      for (int i = 0; i < 110; i++) {
        String id = i < 100 ? "lead-" + i : "ses-" + (i - 100);
        if (identity.createUserQuery().userId(id).count() == 0) {
          var user = identity.newUser(id);
          user.setPassword(password);
          user.setFirstName(id);
          user.setLastName("Benchmark");
          identity.saveUser(user);
        }
      }
    };
  }
}
