package org.sesreturns.pack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CompilePackDelegate implements JavaDelegate {

  private final PackService packs;

  CompilePackDelegate(PackService packs) {
    this.packs = packs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    packs.compile(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
