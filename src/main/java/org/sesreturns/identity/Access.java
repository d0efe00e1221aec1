package org.sesreturns.identity;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who may do what by role: the application's API and its steps ask here. */
@Component
public class Access {

  private static final Set<String> CYCLE_READERS = Set.of(Groups.COORDINATORS, Groups.BOARD, Groups.ADMINS);
  /** The pack is the board's: coordinators compile it, SES leads answer for it, the board reads it. */
  private static final Set<String> PACK_READERS = Set.of(Groups.COORDINATORS, Groups.SES_LEADS, Groups.BOARD);
  private static final Set<String> CYCLE_RUNNERS = Set.of(Groups.COORDINATORS, Groups.ADMINS);

  private final CurrentUser currentUser;

  Access(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /** Refuses with 403 unless the caller is a coordinator, a board member or an administrator. */
  public void requireCycleReader() {
    if (!caller().inAnyOf(CYCLE_READERS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "only coordinators, board members and administrators read cycles");
    }
  }

  /** Refuses with 403 unless the caller is a coordinator, an SES lead or a board member. */
  public void requirePackReader() {
    if (!caller().inAnyOf(PACK_READERS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only coordinators, SES leads and the board read packs");
    }
  }

  /** Refuses with 403 unless the caller is a coordinator: only coordinators {@code what}. */
  public void requireCoordinator(String what) {
    if (!caller().inAnyOf(Set.of(Groups.COORDINATORS))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only coordinators " + what);
    }
  }

  /**
   * Refuses a step of the cycle that belongs to coordinators (starting a cycle, reviewing and
   * presenting the pack) to anyone else, administrators included: the engine would let them.
   */
  public void requireCoordinatorFor(String step) {
    Caller caller = currentUser.get().orElseThrow(() -> new NotAllowedException("nobody is logged in to " + step));
    if (!caller.inAnyOf(Set.of(Groups.COORDINATORS))) {
      throw new NotAllowedException(caller.userId() + " is not a coordinator: only coordinators " + step);
    }
  }

  /** Coordinators and administrators run the cycle: they alone may reassign a return. */
  public boolean runsCycles(Caller caller) {
    return caller.inAnyOf(CYCLE_RUNNERS);
  }

  public static boolean isAdministrator(Caller caller) {
    return caller.groupIds().contains(Groups.ADMINS);
  }

  private Caller caller() {
    return currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
  }
}
