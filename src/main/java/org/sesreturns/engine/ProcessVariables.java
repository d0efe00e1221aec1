package org.sesreturns.engine;

import java.util.Collection;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A process takes only the variables its steps read. A client completing a task may send any
 * variable with it (the engine checks none), so a step refuses the whole completion when the
 * process holds a name it does not know: a routing fact a user tried to set, a value of a Java
 * type, or anything else, is never stored.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static void requireOnly(DelegateExecution execution, Collection<String> known) {
    var unknown = new TreeSet<>(execution.getVariableNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown.stream()
          .map(name -> name + ": is not a variable of this process and cannot be sent (it takes "
              + String.join(", ", new TreeSet<>(known)) + ")")
          .toList());
    }
  }

  /** A Boolean decision as a client sent it: true, false, absent, or refused. */
  public static Boolean bool(Object value, String name) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new InvalidInputException(name + ": must be a Boolean (true or false), not '" + value + "'");
  }

  /** A date as the engine's start and task forms send it (a Date, or ISO text), as ISO text. */
  public static String date(Object value) {
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate().toString();
    }
    return value == null ? null : value.toString();
  }
}
