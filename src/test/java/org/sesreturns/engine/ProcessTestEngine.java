package org.sesreturns.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine for process tests: in memory, no job executor (tests run jobs themselves), Spin for
 * JSON, and the mock expression manager so delegates and listeners can be replaced by mocks.
 */
public final class ProcessTestEngine {

  private static ProcessEngine engine;

  private ProcessTestEngine() {}

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      var configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate("true");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("full");
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
      configuration.setDefaultSerializationFormat("application/json");
      configuration.setJavaSerializationFormatEnabled(false);
      engine = configuration.buildProcessEngine();
    }
    return engine;
  }
}
