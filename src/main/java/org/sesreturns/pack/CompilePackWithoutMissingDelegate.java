package org.sesreturns.pack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Compiles the pack without the returns still outstanding, as the coordinators decided. */
@Component
class CompilePackWithoutMissingDelegate implements JavaDelegate {

  private final PackService packs;

  CompilePackWithoutMissingDelegate(PackService packs) {
    this.packs = packs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    packs.compileWithoutMissing(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
