package org.sesreturns.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.CatalogueLoader;

/** The welcome page's demo logins: one person per role of whatever catalogue runs, and only in demo mode. */
class DemoLoginsTest {

  private final Catalogue madeUp = new CatalogueLoader().load("classpath:catalogue/made-up.yaml", List.of());

  @Test
  void inDemoModeOnePersonPerRoleAndThePublishedPassword() {
    var demo = new DemoLogins(madeUp, new DemoMode(true), new IdentityProperties(DemoLogins.PUBLISHED_PASSWORD)).demo().getBody();
    assertThat(demo.logins()).extracting(DemoLogins.Login::userId)
        .containsExactly("riverside.coordinator", "pat.tworoles", "sam.ses", "riverside.board");
    assertThat(demo.logins()).allSatisfy(login -> assertThat(login.name()).isEqualTo(madeUp.nameOf(login.userId())));
    assertThat(demo.password()).isEqualTo("Demo-Lead-2024");
  }

  @Test
  void aPasswordOfItsOwnIsNotRepeated() {
    assertThat(new DemoLogins(madeUp, new DemoMode(true), new IdentityProperties("Other-Secret-99")).demo().getBody().password()).isNull();
  }

  @Test
  void outsideDemoModeItSaysNothing() {
    // no content, not a 404: the welcome page asks on every visit, and a 404 is logged at the console
    var answer = new DemoLogins(madeUp, new DemoMode(false), new IdentityProperties(DemoLogins.PUBLISHED_PASSWORD)).demo();
    assertThat(answer.getStatusCode().value()).isEqualTo(204);
    assertThat(answer.getBody()).isNull();
  }
}
