package org.sesreturns.pack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The coordinators are told every return is in and the compiled pack awaits their review. */
@Component
class TellCoordinatorsPackToReviewDelegate implements JavaDelegate {

  private final PackNotices notices;

  TellCoordinatorsPackToReviewDelegate(PackNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.toReview(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
