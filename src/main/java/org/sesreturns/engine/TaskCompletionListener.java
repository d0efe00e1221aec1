package org.sesreturns.engine;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end listener of a user task a person completes with a form: the skeleton every such
 * listener shares. A task ended by its instance's cancellation decided nothing and is let go;
 * otherwise the variables the client sent are checked against the process's own names before the
 * decision is read and stored. An end listener rather than a task listener because its refusal
 * reaches the client as the plain 400 it is (a task listener's exception arrives wrapped).
 */
public abstract class TaskCompletionListener implements ExecutionListener {

  private final List<String> known;

  protected TaskCompletionListener(Collection<String> known) {
    this.known = List.copyOf(known);
  }

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ProcessVariables.requireOnly(execution, known);
    completed(execution);
  }

  /** Reads the person's decision from the task's variables, stores it, and clears the form's data. */
  protected abstract void completed(DelegateExecution execution);
}
