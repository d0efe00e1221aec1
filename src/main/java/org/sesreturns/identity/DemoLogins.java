package org.sesreturns.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * In demo mode, the logins a newcomer tries the product with, shown on the welcome page before
 * anyone has logged in: one person in each role of the catalogue, and the password they share.
 * Demo mode's passwords are published in the README; the password is shown only when it is that
 * published one (set another in {@code SES_INITIAL_PASSWORD} and it is not repeated here). Outside
 * demo mode this answers 404, and says nothing about anyone.
 */
@RestController
class DemoLogins {

  /** The password the README publishes for every person of the demo. */
  static final String PUBLISHED_PASSWORD = "Demo-Lead-2024";

  record Login(String role, String userId, String name) {}

  record Demo(List<Login> logins, String password) {}

  private final Catalogue catalogue;
  private final DemoMode demo;
  private final IdentityProperties identity;

  DemoLogins(Catalogue catalogue, DemoMode demo, IdentityProperties identity) {
    this.catalogue = catalogue;
    this.demo = demo;
    this.identity = identity;
  }

  /**
   * The demo's logins, or 204 No Content when the application is not in demo mode: the welcome page
   * asks on every visit, and a 404 would be logged at the browser's console each time.
   */
  @GetMapping("/ses/demo")
  ResponseEntity<Demo> demo() {
    if (!demo.on()) {
      return ResponseEntity.noContent().build();
    }
    List<Login> logins = new ArrayList<>();
    add(logins, "Coordinator: starts a cycle, reviews and presents the pack", catalogue.coordinators().stream().findFirst());
    add(logins, "Project lead: completes a return", catalogue.objectives().stream().map(Catalogue.Objective::projectLead)
        .filter(id -> !catalogue.coordinators().contains(id)).findFirst());
    add(logins, "SES lead: signs returns off", catalogue.objectives().stream().map(Catalogue.Objective::sesLead)
        .filter(id -> !catalogue.coordinators().contains(id)).findFirst());
    add(logins, "Board member: reads the pack", catalogue.board().stream().findFirst());
    String password = PUBLISHED_PASSWORD.equals(identity.initialPassword()) ? PUBLISHED_PASSWORD : null;
    return ResponseEntity.ok(new Demo(List.copyOf(logins), password));
  }

  private void add(List<Login> logins, String role, Optional<String> userId) {
    userId.ifPresent(id -> logins.add(new Login(role, id, catalogue.nameOf(id))));
  }
}
