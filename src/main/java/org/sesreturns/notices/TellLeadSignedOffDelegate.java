package org.sesreturns.notices;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sesreturns.returns.ReturnKey;
import org.springframework.stereotype.Component;

/** The project lead is told their return is signed off. */
@Component
class TellLeadSignedOffDelegate implements JavaDelegate {

  private final ReturnNotices notices;

  TellLeadSignedOffDelegate(ReturnNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.signedOff(ReturnKey.parse(execution.getProcessBusinessKey()), execution.getProcessInstanceId());
  }
}
