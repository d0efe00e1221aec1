package org.sesreturns.audit;

import java.util.List;
import org.sesreturns.identity.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A cycle's audit trail, for coordinators only: it names who did what to every return. */
@RestController
class AuditController {

  private final AuditTrail trail;
  private final Access access;

  AuditController(AuditTrail trail, Access access) {
    this.trail = trail;
    this.access = access;
  }

  @GetMapping("/api/cycles/{key}/audit")
  List<AuditEntry> audit(@PathVariable String key) {
    access.requireCoordinator("read the audit trail");
    return trail.of(key);
  }
}
