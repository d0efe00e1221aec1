package org.sesreturns;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: the others use only its public API, and no two features
 * depend on each other both ways (returns asks the cycle feature through CycleOfReturns; each
 * feature grants its own processes' rights through identity.Rights).
 */
class ModularityTest {

  @Test
  void featuresKeepTheirBoundaries() {
    ApplicationModules.of(SesReturnsApplication.class).verify();
  }
}
