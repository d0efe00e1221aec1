package org.sesreturns.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's refusals answer with their own status and message on every endpoint of the
 * engine's REST API. The engine answers refused input with 400 on task completion, but wraps it
 * into a 500 when a process is started, and wraps whatever a task listener throws (a refused
 * reassignment) into a 500. Here every error caused by {@link InvalidInputException} answers 400,
 * by {@link NotAllowedException} 403, and a variable in Java's serialization format or a password
 * against the policy (which the engine refuses with a 500) 400; a change that collided with another
 * in the same moment (OptimisticLockingException, a 500 from the engine) 409 with a message that
 * says to try again; all other errors keep the engine's own handling.
 */
@Configuration(proxyBeanMethods = false)
class RefusalRestConfiguration {

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

  @Bean
  ResourceConfigCustomizer refusalsAnswerWithTheirStatus() {
    return config -> config.register(RestRefusalMapper.class).register(EngineRefusalMapper.class);
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
          || message != null && message.contains(EXECUTION_GONE)) {
        // the same return changed in the same moment (a reminder firing, another click): nothing
        // was stored, and the same request a moment later is answered normally. The engine says
        // so either as a version conflict, or as an execution it read a moment ago and another
        // transaction has since ended (ENGINE-03077: "perhaps it was deleted in the meantime")
        return conflict(cause);
      }
    }
    return null;
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
