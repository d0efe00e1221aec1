package org.sesreturns.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A signed-off return that was left out of a compiled pack goes into a new version of it. */
@Component
class AddReturnToPackDelegate implements JavaDelegate {

  private final PackOfReturns pack;

  AddReturnToPackDelegate(PackOfReturns pack) {
    this.pack = pack;
  }

  @Override
  public void execute(DelegateExecution execution) {
    pack.returnSignedOff(ReturnKey.parse(execution.getProcessBusinessKey()));
  }
}
