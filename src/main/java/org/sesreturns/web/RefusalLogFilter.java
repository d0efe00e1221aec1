package org.sesreturns.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.identity.NotAllowedException;
import org.slf4j.Marker;

/**
 * A user's refused input is not an error of the application: the engine logs every exception
 * that ends a command at ERROR with its stack trace (ENGINE-16004), so each refused return filled
 * the log with some hundred lines and buried real errors. This filter drops that log event when the
 * exception is the application's refusal ({@link InvalidInputException}, {@link NotAllowedException});
 * the refusal itself is logged on one line where it is answered ({@link RefusalRestConfiguration}).
 * Every other exception is logged as the engine logs it. Registered in {@code logback-spring.xml}.
 */
public class RefusalLogFilter extends TurboFilter {

  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ENGINE_CONTEXT.equals(logger.getName()) || level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    if (isRefusal(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable thrown && isRefusal(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  static boolean isRefusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof InvalidInputException || cause instanceof NotAllowedException) {
        return true;
      }
    }
    return false;
  }
}
