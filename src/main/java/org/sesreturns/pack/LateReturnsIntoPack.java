package org.sesreturns.pack;

import org.sesreturns.returns.PackOfReturns;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** A late return, once signed off, goes into a new version of its pack. */
@Component
class LateReturnsIntoPack implements PackOfReturns {

  private final PackService packs;

  LateReturnsIntoPack(PackService packs) {
    this.packs = packs;
  }

  @Override
  public void returnSignedOff(ReturnKey key) {
    packs.addLateReturn(key);
  }
}
