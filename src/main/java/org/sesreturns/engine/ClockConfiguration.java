package org.sesreturns.engine;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** One clock for every timestamp the application writes; tests may replace it. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
