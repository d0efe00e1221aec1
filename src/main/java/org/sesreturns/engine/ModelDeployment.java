package org.sesreturns.engine;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} under their file names. The starter's
 * auto-deployment names a resource by its absolute path when it is read from a folder (as in
 * tests and development), which breaks {@code embedded:deployment:<file>} form keys; deploying
 * here gives the same names from a folder and from the jar. Duplicate filtering makes a restart,
 * or a second node, deploy nothing new unless a model or form changed.
 */
@Component
class ModelDeployment implements SmartInitializingSingleton {

  static final String DEPLOYMENT_NAME = "ses-returns";
  private static final String[] PATTERNS = {"classpath*:processes/*.bpmn", "classpath*:forms/*.html"};

  private final ProcessEngine engine;

  ModelDeployment(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("ses-returns")
        .enableDuplicateFiltering(true);
    var resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(resource.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the process models and forms", e);
    }
    deployment.deploy();
  }
}
