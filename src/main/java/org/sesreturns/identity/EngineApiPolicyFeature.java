package org.sesreturns.identity;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link EngineApiPolicy} into every JAX-RS application of the server, found by Jersey
 * through {@code META-INF/services}: the engine's REST API is one application (Spring Boot's
 * Jersey), and the webapps mount a second copy of it with their own APIs (Camunda's servlet
 * initializer), which no bean of this application can reach. Public because Jersey makes it.
 */
public final class EngineApiPolicyFeature implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineApiPolicy.class)) {
      context.register(new EngineApiPolicy());
    }
  }
}
