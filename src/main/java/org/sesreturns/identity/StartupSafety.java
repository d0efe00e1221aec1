package org.sesreturns.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * No defaults an attacker knows. Before anything starts, outside demo mode ({@code ses.demo},
 * which the {@code demo} profile sets), the application refuses to run with an administrator
 * password it was not given or one anybody would guess, or with an embedded database without a
 * password; in any mode it refuses an H2 database that opens a network server, and an administrator
 * password the engine's password policy would refuse. Demo mode warns at every start
 * ({@link DemoModeWarning}).
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
    boolean demo = DemoMode.of(environment).on();
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:h2:") && url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
      problems.add("spring.datasource.url (SES_DB_URL) opens an H2 network server (AUTO_SERVER=TRUE): remove it");
    }
    String adminId = environment.getProperty("camunda.bpm.admin-user.id", "admin");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    boolean guessable = password.equalsIgnoreCase("admin") || password.equalsIgnoreCase(adminId)
        || password.equalsIgnoreCase("password");
    if (!password.isBlank() && !(guessable && !demo)
        && environment.getProperty("camunda.bpm.generic-properties.properties.enablePasswordPolicy", Boolean.class, false)) {
      // the engine would refuse to create the administrator with it, deep in its start, with a stack trace
      policyProblem(password, adminId, environment.getProperty("camunda.bpm.admin-user.first-name", ""),
          environment.getProperty("camunda.bpm.admin-user.last-name", ""),
          environment.getProperty("camunda.bpm.admin-user.email", ""))
          .ifPresent(p -> problems.add("SES_ADMIN_PASSWORD " + p));
    }
    if (demo) {
      return problems;
    }
    if (password.isBlank()) {
      problems.add("the administrator has no password: set SES_ADMIN_PASSWORD (or run the demo profile for a first look)");
    } else if (guessable) {
      problems.add("SES_ADMIN_PASSWORD is one anybody would guess: choose another");
    }
    if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
        && environment.getProperty("spring.datasource.password", "").isBlank()) {
      problems.add("the embedded database has no password: set SES_DB_PASSWORD");
    }
    return problems;
  }

  /** The special characters of the engine's default password policy. */
  static final String SPECIAL_CHARACTERS = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  static final int MIN_LENGTH = 10;

  /**
   * What the engine's default password policy (on: {@code enablePasswordPolicy}) would find wrong
   * with the administrator's password, all of it at once: the same rules, at least 10 characters
   * with a lower-case and an upper-case letter, a digit and a special character, and none of the
   * user's id, names or e-mail address in it (ignoring case). {@code StartupSafetyTest} holds them
   * to the engine's own.
   */
  static Optional<String> policyProblem(String password, String userId, String firstName, String lastName,
      String email) {
    List<String> missing = new ArrayList<>();
    if (password.length() < MIN_LENGTH) {
      missing.add("at least " + MIN_LENGTH + " characters (it has " + password.length() + ")");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      missing.add("a lower-case letter");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      missing.add("an upper-case letter");
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      missing.add("a digit");
    }
    if (password.chars().noneMatch(c -> SPECIAL_CHARACTERS.indexOf(c) >= 0)) {
      missing.add("a special character (one of " + SPECIAL_CHARACTERS.strip() + " or a space)");
    }
    String upper = password.toUpperCase(Locale.ROOT);
    boolean userData = Stream.of(userId, firstName, lastName, email)
        .anyMatch(part -> part != null && !part.isBlank() && upper.contains(part.toUpperCase(Locale.ROOT)));
    if (missing.isEmpty() && !userData) {
      return Optional.empty();
    }
    String needs = missing.isEmpty() ? "" : "needs " + String.join(", ", missing);
    String names = userData ? (needs.isEmpty() ? "" : " and ") + "must not contain the administrator's id, names or e-mail" : "";
    return Optional.of("does not meet the password policy: it " + needs + names);
  }

  /** The configuration the application refuses to start with, and why. */
  static class UnsafeConfigurationException extends IllegalStateException {

    UnsafeConfigurationException(List<String> problems) {
      super("the application will not start with this configuration: " + String.join("; ", problems));
    }
  }
}
