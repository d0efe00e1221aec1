package org.sesreturns.identity;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who may read cycles and packs through the application's API. */
@Component
public class Access {

  private static final Set<String> PACK_READERS = Set.of(Groups.COORDINATORS, Groups.BOARD, Groups.ADMINS);

  private final IdentityService identity;

  Access(IdentityService identity) {
    this.identity = identity;
  }

  /** Refuses with 403 unless the caller is a coordinator, a board member or an administrator. */
  public void requirePackReader() {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.stream().noneMatch(PACK_READERS::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "only coordinators, board members and administrators read cycles and packs");
    }
  }
}
