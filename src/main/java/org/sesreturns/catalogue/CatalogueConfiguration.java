package org.sesreturns.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

  @Bean
  Catalogue catalogue(CatalogueProperties properties, ResourceLoader resources) {
    return new CatalogueLoader(resources).load(properties.catalogueLocation(), properties.historyLocations());
  }
}
