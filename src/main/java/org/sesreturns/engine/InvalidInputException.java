package org.sesreturns.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user's input that breaks a rule: thrown from a task listener or a synchronous delegate, it
 * rolls the whole engine transaction back (the task stays open, nothing is stored) and the
 * engine's REST API answers {@code 400 Bad Request} with this message, which Tasklist shows.
 *
 * <p>It extends the engine's form-validation exception because that is the type the REST API maps
 * to 400 on task completion and form submission; it is the one class used from the engine's
 * {@code impl} packages, kept here so a move to another engine touches one file.
 */
public class InvalidInputException extends FormFieldValidationException {

  public InvalidInputException(List<String> problems) {
    super("input", String.join("; ", problems));
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }
}
