package org.sesreturns.engine;

/**
 * A step on a return that has already moved on: the same task completed twice at once (a double
 * click, two windows), where the second reaches the application's rule after the first has been
 * stored. The engine's REST API answers it as it answers a task already gone, {@code 404} with
 * the same plain words, so a person gets one answer whichever of the two ways the race went; the
 * application's own API answers {@code 400} with this message, as for any other refused input.
 */
public class NoLongerOpenException extends InvalidInputException {

  public NoLongerOpenException(String problem) {
    super(problem);
  }
}
