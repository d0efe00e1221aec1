package org.sesreturns.operations;

import io.micrometer.common.KeyValue;
import java.util.List;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Names the requests the engine's REST APIs answer in the {@code http.server.requests} metric. Spring
 * MVC names its own requests by their route; the engine's REST API, the webapps' alias of it and
 * the webapps' own API are served by Jersey, outside Spring MVC, and would all read {@code UNKNOWN}:
 * every submission and sign-off of a deadline rush among them. They are named by their mount
 * instead, never by their path (a task's id in a tag would make a metric per task).
 */
@Component
class RequestsByMount extends DefaultServerRequestObservationConvention {

  /** The mounts, the most specific first. */
  private static final java.util.regex.Pattern SLASHES = java.util.regex.Pattern.compile("/{2,}");
  private static final List<String> MOUNTS = List.of(
      "/camunda/api/engine/", "/camunda/api/", "/camunda/app/", "/engine-rest/", "/camunda/");

  @Override
  protected KeyValue uri(ServerRequestObservationContext context) {
    KeyValue named = super.uri(context);
    if (!"UNKNOWN".equals(named.getValue()) || context.getCarrier() == null) {
      return named;
    }
    String path = SLASHES.matcher(context.getCarrier().getRequestURI()).replaceAll("/");
    return MOUNTS.stream().filter(path::startsWith).findFirst()
        .map(mount -> KeyValue.of(named.getKey(), mount + "**"))
        .orElse(named);
  }
}
