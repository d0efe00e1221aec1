package org.sesreturns.returns;

import java.time.LocalDate;
import java.util.Optional;
import org.sesreturns.catalogue.Period;

/**
 * What a return needs to know of the cycles: the cycle feature answers it, so the returns feature
 * does not reach into the cycle's tables (and the two do not depend on each other both ways).
 */
public interface CycleOfReturns {

  /**
   * A cycle as returns see it: when returns are due, and where it stands ({@code status}, the
   * cycle's own word for it, is for messages only).
   */
  record CycleFacts(String key, Period period, LocalDate returnsDue, Stage stage, String status) {

    /** Returns are submitted, signed off and reopened. */
    public boolean collecting() {
      return stage == Stage.COLLECTING;
    }
  }

  /** Where a cycle stands, as far as its returns are concerned. */
  enum Stage {
    /** Collecting returns: they may change. */
    COLLECTING,
    /** Its pack is being reviewed or presented: only a return left out as late may still come in. */
    PACK_UNDER_WAY,
    /** Closed or cancelled: no return changes. */
    OVER
  }

  Optional<CycleFacts> find(String cycleKey);

  /** The strategy's latest closed cycle before the period, if there is one. */
  Optional<CycleFacts> latestClosedBefore(Period period);
}
