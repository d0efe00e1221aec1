package org.sesreturns.pack;

import org.sesreturns.cycle.CycleInstances;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.cycle.CycleStatus;
import org.sesreturns.cycle.QuarterlyCycle;
import org.sesreturns.engine.Json;
import org.sesreturns.returns.PackOfReturns;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/**
 * A late return, once signed off, goes into a new version of its pack. While the coordinators are
 * reviewing the pack, the new version replaces the one under review: their review task shows it,
 * and they are told, so the board is not sent a pack without a return that came in.
 */
@Component
class LateReturnsIntoPack implements PackOfReturns {

  private final PackService packs;
  private final CycleService cycles;
  private final PackForm packForm;
  private final PackNotices notices;
  private final CycleInstances instances;

  LateReturnsIntoPack(PackService packs, CycleService cycles, PackForm packForm, PackNotices notices,
      CycleInstances instances) {
    this.packs = packs;
    this.cycles = cycles;
    this.packForm = packForm;
    this.notices = notices;
    this.instances = instances;
  }

  @Override
  public void returnSignedOff(ReturnKey key) {
    var version = packs.addLateReturn(key);
    var cycle = cycles.require(key.cycleKey());
    if (version.isEmpty() || cycle.status() != CycleStatus.REVIEWING) {
      return;
    }
    var underReview = packs.putToReview(cycle.key());
    instances.showOnOpenTasks(cycle.processInstanceId(), QuarterlyCycle.TASK_REVIEW_PACK, QuarterlyCycle.PACK_FORM,
        () -> Json.variable(packForm.of(cycle.key(), underReview)));
    notices.toReview(cycle.key(), cycle.processInstanceId());
  }
}
