package org.sesreturns.returns;

import java.util.Map;
import org.sesreturns.identity.Access;
import org.sesreturns.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A coordinator chases one return's lead at any time. The chaser goes through the return's
 * process (a message to the open return task), so it is sent by a step that retries and shows in
 * Cockpit like every other message, and is recorded with them.
 */
@RestController
class ChaseController {

  private final ReturnInstances instances;
  private final CurrentUser currentUser;
  private final Access access;
  private final org.sesreturns.catalogue.Catalogue catalogue;

  ChaseController(ReturnInstances instances, CurrentUser currentUser, Access access,
      org.sesreturns.catalogue.Catalogue catalogue) {
    this.instances = instances;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping("/api/cycles/{key}/returns/{objective}/chase")
  ResponseEntity<Map<String, String>> chase(@PathVariable String key, @PathVariable String objective) {
    access.requireCoordinator("chase a return's lead");
    if (catalogue.objective(objective).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no objective '" + objective + "' in the catalogue");
    }
    String businessKey = key + "/" + objective;
    // the application has decided; the engine's own rights do not give coordinators messages
    if (!currentUser.asApplication(() -> instances.chase(new ReturnKey(key, objective)))) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "the return " + businessKey + " is not waiting for its lead: nothing to chase");
    }
    return ResponseEntity.accepted().body(Map.of("return", businessKey,
        "message", "the lead will be chased; the message is listed at /api/cycles/" + key + "/messages"));
  }
}
