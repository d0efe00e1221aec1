package org.sesreturns.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * No defaults an attacker knows. Before anything starts, outside demo mode ({@code ses.demo},
 * which the {@code demo} profile sets), the application refuses to run with an administrator
 * password it was not given or one anybody would guess, or with an embedded database without a
 * password; in any mode it refuses an H2 database that opens a network server. Demo mode warns
 * at every start ({@link DemoModeWarning}).
 */
class StartupSafety implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new UnsafeConfigurationException(problems);
    }
  }

  static List<String> problems(ConfigurableEnvironment environment) {
    List<String> problems = new ArrayList<>();
    boolean demo = environment.getProperty("ses.demo", Boolean.class, false);
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:h2:") && url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
      problems.add("spring.datasource.url (SES_DB_URL) opens an H2 network server (AUTO_SERVER=TRUE): remove it");
    }
    if (demo) {
      return problems;
    }
    String adminId = environment.getProperty("camunda.bpm.admin-user.id", "admin");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank()) {
      problems.add("the administrator has no password: set SES_ADMIN_PASSWORD (or run the demo profile for a first look)");
    } else if (password.equalsIgnoreCase("admin") || password.equalsIgnoreCase(adminId)
        || password.equalsIgnoreCase("password")) {
      problems.add("SES_ADMIN_PASSWORD is one anybody would guess: choose another");
    }
    if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
        && environment.getProperty("spring.datasource.password", "").isBlank()) {
      problems.add("the embedded database has no password: set SES_DB_PASSWORD");
    }
    return problems;
  }

  /** The configuration the application refuses to start with, and why. */
  static class UnsafeConfigurationException extends IllegalStateException {

    UnsafeConfigurationException(List<String> problems) {
      super("the application will not start with this configuration: " + String.join("; ", problems));
    }
  }
}
