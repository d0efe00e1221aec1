package org.sesreturns.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Demo mode ({@code ses.demo}, which the {@code demo} profile sets): passwords published in the
 * README, for a first look. Read in one place, by the start-up checks before any bean exists and
 * by the beans that warn of it and show its logins.
 */
record DemoMode(boolean on) {

  static final String PROPERTY = "ses.demo";

  static DemoMode of(Environment environment) {
    return new DemoMode(environment.getProperty(PROPERTY, Boolean.class, false));
  }

  @Configuration(proxyBeanMethods = false)
  static class Setting {

    @Bean
    DemoMode demoMode(Environment environment) {
      return DemoMode.of(environment);
    }
  }
}
