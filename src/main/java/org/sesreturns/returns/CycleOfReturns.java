package org.sesreturns.returns;

import java.time.LocalDate;
import java.util.Optional;
import org.sesreturns.catalogue.Period;

/**
 * What a return needs to know of the cycles: the cycle feature answers it, so the returns feature
 * does not reach into the cycle's tables (and the two do not depend on each other both ways).
 */
public interface CycleOfReturns {

  /** A cycle as returns see it: when returns are due, and whether they may still change. */
  record CycleFacts(String key, Period period, LocalDate returnsDue, boolean collecting, String status) {}

  Optional<CycleFacts> find(String cycleKey);

  /** The strategy's latest closed cycle before the period, if there is one. */
  Optional<CycleFacts> latestClosedBefore(Period period);
}
