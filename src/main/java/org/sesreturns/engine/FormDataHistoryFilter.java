package org.sesreturns.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the forms' data out of the engine's history. At history level {@code full} every write of
 * a variable is kept as a historic variable and a historic detail, each a copy of the value: for a
 * return's JSON form data that was two more byte arrays per variable per round, the largest share
 * of what a submission wrote (docs/benchmarks.md), and a second, 400-day copy of every return's
 * figures beside the application's own tables and audit trail. Every other history (activities,
 * tasks, the user operation log, jobs, incidents, every other variable) is kept as it was.
 *
 * <p>The engine asks its configuration for the history event handler at each event, so wrapping it
 * once the engine is configured takes effect everywhere, the Spring Boot starter's handlers included.
 */
@Component
class FormDataHistoryFilter extends AbstractProcessEnginePlugin {

  private final Map<String, Set<String>> formData;

  FormDataHistoryFilter(List<FormDataVariables> formData) {
    this.formData = formData.stream().collect(Collectors.toMap(FormDataVariables::processDefinitionKey,
        FormDataVariables::names, (a, b) -> {
          throw new IllegalStateException("form data declared twice for one process");
        }));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler(), formData));
  }

  /** Passes on every history event but those of form data variables. */
  record Handler(HistoryEventHandler next, Map<String, Set<String>> formData) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isFormData(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      next.handleEvents(events.stream().filter(event -> !isFormData(event)).toList());
    }

    boolean isFormData(HistoryEvent event) {
      return event instanceof HistoricVariableUpdateEventEntity variable
          && formData.getOrDefault(variable.getProcessDefinitionKey(), Set.of()).contains(variable.getVariableName());
    }
  }
}
