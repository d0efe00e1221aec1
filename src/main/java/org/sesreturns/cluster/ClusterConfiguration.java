package org.sesreturns.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What lets several nodes run on one database (README, "Run several nodes"). */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

  /** Static: a bean post-processor is made before the beans it looks at, the data source among them. */
  @Bean
  static StartupLock startupLock() {
    return new StartupLock();
  }
}
