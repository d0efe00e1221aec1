package org.sesreturns.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The catalogue's people and roles in the engine, kept in line at every start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentitySetupIT {

  @Autowired
  IdentityService identity;

  @Autowired
  IdentitySetup setup;

  @Test
  void everyPersonIsAUserWithNameAndEmail() {
    User user = identity.createUserQuery().userId("stephan.vanarendsen").singleResult();
    assertThat(user.getFirstName()).isEqualTo("Stephan");
    assertThat(user.getLastName()).isEqualTo("Van Arendsen");
    assertThat(user.getEmail()).isEqualTo("stephan.vanarendsen@example.org");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.SES_LEADS).list())
        .extracting(User::getId).contains("stuart.barnes", "stephen.watson", "peter.moore");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.COORDINATORS).list())
        .extracting(User::getId).containsExactly("ses.coordinator");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.BOARD).list())
        .extracting(User::getId).containsExactlyInAnyOrder("board.chair", "board.member");
  }

  @Test
  void restartKeepsPasswordsAndPutsRolesBackInLine() {
    User user = identity.createUserQuery().userId("margaret.jones").singleResult();
    user.setPassword("Her-Own-Passw0rd");
    identity.saveUser(user);
    identity.createMembership("board.member", Groups.COORDINATORS);
    try {
      setup.afterSingletonsInstantiated();

      assertThat(identity.checkPassword("margaret.jones", "Her-Own-Passw0rd")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.COORDINATORS).list())
          .extracting(User::getId).containsExactly("ses.coordinator");
    } finally {
      User again = identity.createUserQuery().userId("margaret.jones").singleResult();
      again.setPassword("Quarterly-Test-1");
      identity.saveUser(again);
    }
  }
}
