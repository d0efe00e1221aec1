package org.sesreturns.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.NoLongerOpenException;
import org.sesreturns.identity.NotAllowedException;

/**
 * The application's refusals answer with their own status and message on every endpoint of the
 * engine's REST API. The engine answers refused input with 400 on task completion, but wraps it
 * into a 500 when a process is started, and wraps whatever a task listener throws (a refused
 * reassignment) into a 500. Here every error caused by {@link InvalidInputException} answers 400,
 * by {@link NotAllowedException} 403, and a variable in Java's serialization format or a password
 * against the policy (which the engine refuses with a 500) 400; a change that collided with another
 * in the same moment (OptimisticLockingException, a 500 from the engine) 409 with a message that
 * says to try again; a task completed or read once it has gone (the same task completed twice at
 * once: the second, tried again by {@link CollisionRetry}, finds it gone) 404 with plain words
 * instead of the engine's 500; all other errors keep the engine's own handling. The same on the
 * webapps' copy of the engine's API, which Tasklist and Cockpit call.
 */
final class RefusalRestConfiguration {

  private RefusalRestConfiguration() {}

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RefusalRestConfiguration.class);

  /**
   * The engine's messages for input it refuses without a type of its own: a Java-serialized
   * variable (ENGINE-17007), a password against the password policy.
   */
  private static final java.util.List<String> REFUSED_INPUT = java.util.List.of(
      "Java serialization format is prohibited", "Password does not match policy");

  /** The engine's words for an execution ended by another transaction while this one read it. */
  static final String EXECUTION_GONE = "ENGINE-03077";

  static final String CONFLICT_MESSAGE = "This changed at the same moment as your request (a reminder being sent,"
      + " or another change to the same return), so nothing was saved. Please try again.";

  /** The engine's words, on completing or reading a task, for a task that is not (or no longer) open. */
  static final String TASK_NOT_FOUND = "Cannot find task with id";

  /** The REST API's words for a task id it cannot find (reading a task, or its form): a link to a task since done. */
  static final String NO_MATCHING_TASK = "No matching task with id ";

  static final String TASK_GONE_MESSAGE = "This task is no longer open: it has been completed (perhaps from another"
      + " window) or the return has moved on, so nothing more was saved. Reload the task list to see where the"
      + " return stands.";

  /**
   * Registered in every JAX-RS application of the server, found by Jersey through {@code
   * META-INF/services}: the engine's REST API, and the webapps' copy of it that Tasklist and Cockpit
   * call, which no bean of this application can reach. Public because Jersey makes it.
   */
  public static final class Feature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(RestRefusalMapper.class)) {
        context.register(new RestRefusalMapper()).register(new EngineRefusalMapper());
      }
    }
  }

  @Priority(1)
  static class RestRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler engineHandler = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response refusal = refusal(exception);
      return refusal != null ? refusal : engineHandler.toResponse(exception);
    }
  }

  @Priority(1)
  static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler engineHandler = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response refusal = refusal(exception);
      return refusal != null ? refusal : engineHandler.toResponse(exception);
    }
  }

  private static Response refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoLongerOpenException) {
        return taskGone(cause);
      }
      if (cause instanceof InvalidInputException) {
        // the refusal's own words: the engine's wrapping adds a task id and nothing a user can act on
        return answer(Response.Status.BAD_REQUEST, cause, cause);
      }
      if (cause instanceof NotAllowedException) {
        return answer(Response.Status.FORBIDDEN, cause, cause);
      }
      String message = cause.getMessage();
      if (message != null && REFUSED_INPUT.stream().anyMatch(message::contains)) {
        return answer(Response.Status.BAD_REQUEST, cause, cause);
      }
      if (cause instanceof OptimisticLockingException
          || message != null && message.contains(EXECUTION_GONE) || collidedInTheDatabase(cause)) {
        // the same return changed in the same moment (a reminder firing, another click): nothing
        // was stored, and the same request a moment later is answered normally. The engine says
        // so as a version conflict, as an execution it read a moment ago and another transaction
        // has since ended (ENGINE-03077: "perhaps it was deleted in the meantime"), or, on
        // PostgreSQL, as the database refusing to remove an execution another transaction has just
        // given a child (a reminder's timer firing on the task being completed): the engine's own
        // translation of that into a version conflict misses it in a batch of statements; or the
        // database broke a deadlock of two such transactions by ending this one
        return conflict(cause);
      }
      if (cause instanceof RestException && message != null && message.startsWith(NO_MATCHING_TASK)) {
        return taskDone(message.substring(NO_MATCHING_TASK.length()).trim());
      }
      if (message != null && message.startsWith(TASK_NOT_FOUND) || taskGoneMeanwhile(cause)) {
        // the task ended before this request reached it: another click, another window
        return taskGone(cause);
      }
    }
    return null;
  }

  /** A task opened by its id that is no longer open: who did it, and when, for whoever may know. */
  private static Response taskDone(String taskId) {
    String words;
    try {
      words = TaskGoneWords.about(EngineUtil.lookupProcessEngine(null), taskId);
    } catch (RuntimeException lookupFailed) {
      LOG.warn("could not look up the task {} in the history: {}", taskId, lookupFailed.getMessage());
      words = TaskGoneWords.NOT_OPEN;
    }
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "TaskNoLongerOpen", "message", words, "code", 0))
        .build();
  }

  private static Response taskGone(Throwable cause) {
    LOG.info("refused (404), task no longer open: {}", cause.getMessage());
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", cause.getClass().getSimpleName(), "message", TASK_GONE_MESSAGE, "code", 0))
        .build();
  }

  /**
   * A task another request completed while this one worked on it: the engine read the task a
   * moment before it was deleted and then found its authorizations gone with it, and refuses as
   * if the user had no right to it. Only when the task named is truly gone (looked up without the
   * caller's authorizations, which no longer exist for it) is that answered as a task no longer
   * open; a refusal on a task that exists stays the engine's 403.
   */
  static boolean taskGoneMeanwhile(Throwable cause) {
    if (!(cause instanceof AuthorizationException refused) || cause instanceof NotAllowedException) {
      return false;
    }
    var tasks = refused.getMissingAuthorizations().stream()
        .filter(m -> Resources.TASK.resourceName().equals(m.getResourceType()) && m.getResourceId() != null)
        .map(MissingAuthorization::getResourceId).distinct().toList();
    if (tasks.size() != 1) {
      return false;
    }
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return configuration.getCommandExecutorTxRequired()
          .execute(context -> context.getTaskManager().findTaskById(tasks.get(0)) == null);
    } catch (RuntimeException lookupFailed) {
      return false;
    }
  }

  /**
   * The database refused a statement because another transaction changed the same rows at the
   * same moment; the engine's command is one transaction, rolled back whole, and nothing of it was
   * stored. Two such answers, read off the SQL state of the exception and the batch entries after
   * it:
   *
   * <ul>
   *   <li>a foreign key of the engine's runtime tables (23503, H2's 23506 too): an execution
   *       removed while another transaction added a child to it;
   *   <li>a deadlock broken by ending this transaction (PostgreSQL's 40P01; 40001, a
   *       serialization failure, elsewhere and on H2): two completions removing executions of the
   *       same instance as a reminder's step adds to them, each waiting for the other; whichever
   *       tables it touched.
   * </ul>
   */
  static boolean collidedInTheDatabase(Throwable cause) {
    if (!(cause instanceof java.sql.SQLException sql)) {
      return false;
    }
    for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      boolean engineRow = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("act_ru_");
      if (("23503".equals(state) || "23506".equals(state)) && engineRow || "40P01".equals(state) || "40001".equals(state)) {
        return true;
      }
    }
    return false;
  }

  /** 409 with words a user can act on; the engine's own message (entity ids) stays in the log. */
  private static Response conflict(Throwable exception) {
    LOG.info("conflict (409), nothing stored: {}", exception.getMessage());
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", OptimisticLockingException.class.getSimpleName(), "message", CONFLICT_MESSAGE, "code", 0))
        .build();
  }

  private static Response answer(Response.Status status, Throwable type, Throwable message) {
    // one line per refusal, for whoever supports the users; the engine's stack trace is filtered out
    LOG.info("refused ({}): {}", status.getStatusCode(), message.getMessage());
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type.getClass().getSimpleName(), "message", String.valueOf(message.getMessage()), "code", 0))
        .build();
  }
}
