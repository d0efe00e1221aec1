package org.sesreturns.cycle;

import java.util.Comparator;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.Period;
import org.sesreturns.returns.CycleOfReturns;
import org.sesreturns.returns.CycleOfReturns.Stage;
import org.springframework.stereotype.Component;

/** The cycles as the returns feature asks about them. */
@Component
class CycleFactsForReturns implements CycleOfReturns {

  private final CycleRepository cycles;
  private final Catalogue catalogue;

  CycleFactsForReturns(CycleRepository cycles, Catalogue catalogue) {
    this.cycles = cycles;
    this.catalogue = catalogue;
  }

  @Override
  public Optional<CycleFacts> find(String cycleKey) {
    return cycles.find(cycleKey).map(CycleFactsForReturns::facts);
  }

  @Override
  public Optional<CycleFacts> latestClosedBefore(Period period) {
    return cycles.findAll(catalogue.strategy().id()).stream()
        .filter(c -> c.status() == CycleStatus.CLOSED && c.period().compareTo(period) < 0)
        .max(Comparator.comparing(Cycle::period))
        .map(CycleFactsForReturns::facts);
  }

  private static CycleFacts facts(Cycle cycle) {
    return new CycleFacts(cycle.key(), cycle.period(), cycle.returnsDue(), stage(cycle.status()), cycle.status().word());
  }

  private static Stage stage(CycleStatus status) {
    return switch (status) {
      case COLLECTING -> Stage.COLLECTING;
      case REVIEWING, PRESENTING -> Stage.PACK_UNDER_WAY;
      case CLOSED, CANCELLED -> Stage.OVER;
    };
  }
}
