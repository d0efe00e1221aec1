package org.sesreturns.pack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The board is told the pack is approved, with a link to it. */
@Component
class TellBoardPackApprovedDelegate implements JavaDelegate {

  private final PackNotices notices;

  TellBoardPackApprovedDelegate(PackNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.approved(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
