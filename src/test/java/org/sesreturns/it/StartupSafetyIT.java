package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sesreturns.SesReturnsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No defaults an attacker knows: outside demo mode the application will not start without an
 * administrator password from the environment, with "admin" or a password the engine's policy
 * refuses, with an embedded database without a password, or with an H2 network server; demo mode
 * starts and says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSafetyIT {

  @Test
  void postgresProfileRefusesToStartWithoutAnAdministratorPassword(CapturedOutput output) {
    assertRefused(output, "the administrator has no password: set SES_ADMIN_PASSWORD",
        "--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=");
  }

  @Test
  void adminAsPasswordIsRefused(CapturedOutput output) {
    assertRefused(output, "SES_ADMIN_PASSWORD is one anybody would guess",
        "--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=admin");
  }

  @Test
  void anAdministratorPasswordThePasswordPolicyRefusesStopsStartUpWithWhatItLacks(CapturedOutput output) {
    // the engine would refuse to create the administrator with it, with a stack trace and no word of what to change
    assertRefused(output, "SES_ADMIN_PASSWORD does not meet the password policy: it needs an upper-case letter,"
        + " a special character", "--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=sefton2024x");
    assertThat(output).doesNotContain("PasswordPolicy").doesNotContain("ProcessEngineException");
  }

  @Test
  void embeddedDatabaseWithoutAPasswordIsRefused(CapturedOutput output) {
    assertRefused(output, "the embedded database has no password: set SES_DB_PASSWORD",
        "--spring.datasource.url=jdbc:h2:file:./target/no-password", "--spring.datasource.password=");
  }

  @Test
  void anH2NetworkServerIsRefusedEvenInDemoMode(CapturedOutput output) {
    assertRefused(output, "opens an H2 network server",
        "--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:file:./target/auto-server;AUTO_SERVER=TRUE");
  }

  @Test
  void demoModeStartsAndWarns(CapturedOutput output) {
    try (ConfigurableApplicationContext demo = start("--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:demo-mode;DB_CLOSE_DELAY=-1")) {
      assertThat(demo.isActive()).isTrue();
    } catch (IllegalStateException notExpected) {
      throw new AssertionError(output.getOut(), notExpected);
    }
    assertThat(output).contains("DEMO MODE: the administrator and every user have passwords published in the README");
  }

  private static void assertRefused(CapturedOutput output, String reason, String... arguments) {
    assertThatThrownBy(() -> start(arguments).close()).hasMessageContaining(reason);
    assertThat(output).contains("APPLICATION FAILED TO START").contains(reason);
  }

  private static ConfigurableApplicationContext start(String... arguments) {
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
    all.addAll(List.of(arguments));
    return new SpringApplicationBuilder(SesReturnsApplication.class).run(all.toArray(String[]::new));
  }
}
