package org.sesreturns.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user's input that breaks a rule. Thrown from an execution listener or a synchronous delegate,
 * it rolls the whole engine transaction back (the task stays open, nothing is stored) and the
 * REST API answers {@code 400 Bad Request} with this message, which Tasklist shows. (The
 * application's listeners that check input are execution listeners on the task's end: a task
 * listener's exception would reach the client wrapped, see {@code web.RefusalRestConfiguration}.)
 *
 * <p>It extends the engine's form-validation exception because that is the type the REST API maps
 * to 400 on task completion and form submission: one of the few uses of the engine's {@code impl}
 * packages, which the README lists so that a move to another engine knows where to look.
 */
public class InvalidInputException extends FormFieldValidationException {

  public InvalidInputException(List<String> problems) {
    super("input", String.join("; ", problems));
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }
}
