package org.sesreturns.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API answers refused input with 400 on task completion and form submission,
 * but wraps it into a 500 when a process is started with {@code /start}. This maps every REST
 * error caused by {@link InvalidInputException} to 400 with the same message, whichever endpoint
 * was called; all other errors keep the engine's own handling.
 */
@Configuration(proxyBeanMethods = false)
class InvalidInputRestConfiguration {

  @Bean
  ResourceConfigCustomizer invalidInputAnswersBadRequest() {
    return config -> config.register(InvalidInputMapper.class);
  }

  @Priority(1)
  static class InvalidInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler engineHandler = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException) {
          return Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", InvalidInputException.class.getSimpleName(), "message", exception.getMessage(),
                  "code", 0))
              .build();
        }
      }
      return engineHandler.toResponse(exception);
    }
  }
}
