package org.sesreturns.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** The start-up check of the administrator's password refuses exactly what the engine's policy refuses. */
class StartupSafetyTest {

  private static final List<String> PASSWORDS = List.of("", "admin", "Sefton2024", "sefton-2024!", "SEFTON-2024!",
      "Sefton-Council!", "Sef-2024!", "Sefton-2024!", "Quarterly-Test-1", "Demo-Sefton-2024", "Admin-Sefton-2024",
      "Sefton Test 1", "Administrator-2024", "Application-9!", "Ωmega-Στρατηγική-1", "Sefton_2024", "Sefton£2024");

  @Test
  void refusesExactlyWhatTheEnginesDefaultPolicyRefuses() {
    UserEntity admin = new UserEntity("admin");
    admin.setFirstName("Application");
    admin.setLastName("Administrator");
    var engine = new DefaultPasswordPolicyImpl();
    for (String password : PASSWORDS) {
      boolean engineAccepts = engine.getRules().stream().allMatch(rule -> rule.execute(password, admin));
      assertThat(StartupSafety.policyProblem(password, "admin", "Application", "Administrator", null).isEmpty())
          .as("'" + password + "'").isEqualTo(engineAccepts);
    }
  }

  @Test
  void saysEverythingThePasswordLacks() {
    assertThat(StartupSafety.policyProblem("sefton", "admin", "Application", "Administrator", null)).hasValue(
        "does not meet the password policy: it needs at least 10 characters (it has 6), an upper-case letter,"
            + " a digit, a special character (one of !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ or a space)");
    assertThat(StartupSafety.policyProblem("Admin-Sefton-2024", "admin", "Application", "Administrator", null))
        .hasValue("does not meet the password policy: it must not contain the administrator's id, names or e-mail");
  }
}
