package org.sesreturns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The house rules for BPMN models, checked on every model in processes/. */
class ModelRulesTest {

  static Stream<File> models() {
    return Stream.of(new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn")));
  }

  @ParameterizedTest
  @MethodSource("models")
  void idsSayWhatTheyAre(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getId()).matches("[a-z][a-zA-Z]*Process");
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive").isNotBlank();
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      assertThat(element.getId()).as(file.getName())
          .matches("(startEvent|endEvent|userTask|serviceTask|receiveTask|callActivity|subProcess|gateway|flow|timer|boundaryEvent)_[a-z][a-zA-Z]+");
      if (element instanceof FlowNode) {
        assertThat(element.getName()).as(element.getId() + " has a name").isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void noLogicInTheModel(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
    }
    Stream.concat(model.getModelElementsByType(CamundaExecutionListener.class).stream().map(l -> l.getCamundaDelegateExpression()),
            model.getModelElementsByType(CamundaTaskListener.class).stream().map(l -> l.getCamundaDelegateExpression()))
        .forEach(expression -> assertThat(expression).matches("\\$\\{[a-zA-Z]+}"));
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      // a gateway reads one Boolean variable
      assertThat(condition.getTextContent().strip()).matches("\\$\\{!?[a-zA-Z]+}");
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() > 1) {
        outgoing.forEach(flow -> assertThat(flow.getName()).as(flow.getId() + " is labelled").isNotBlank());
      }
    }
  }

  /**
   * The expressions the engine evaluates beyond listeners and conditions (assignees, the
   * multi-instance collection, the called process's business key) read the application through one
   * bean method on the execution, or name the execution's own key: no logic, no side effects.
   */
  @ParameterizedTest
  @MethodSource("models")
  void otherExpressionsOnlyAskTheApplication(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    String beanCall = "\\$\\{[a-z][a-zA-Z]*\\.[a-z][a-zA-Z]*\\(execution\\)}";
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaAssignee() != null) {
        assertThat(task.getCamundaAssignee()).as(task.getId() + " assignee").matches(beanCall);
      }
    }
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      assertThat(loop.getCamundaCollection()).as("multi-instance collection").matches(beanCall);
    }
    // timers ask the application when (a working-day date), or wait no time at all
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String when = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
          : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent() : timer.getTimeCycle().getTextContent();
      assertThat(when.strip()).as(timer.getId()).matches(beanCall + "|PT0S");
    }
    for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
      if (in.getCamundaBusinessKey() != null) {
        assertThat(in.getCamundaBusinessKey()).as("called business key")
            .isEqualTo("#{execution.processBusinessKey}/#{objectiveId}");
      }
      assertThat(in.getCamundaVariables()).as("no variables are passed to a called process").isNull();
      assertThat(in.getCamundaSource()).as("no variables are passed to a called process").isNull();
    }
  }

  /**
   * A service task either runs asynchronously with a retry cycle (its failure retries and becomes
   * an incident, never a rolled-back user action) or says in its documentation why it is
   * synchronous on purpose; every asynchronous element has its retry cycle.
   */
  @ParameterizedTest
  @MethodSource("models")
  void asyncStepsRetry(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean async = node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
      if (async) {
        var retries = node.getExtensionElements() == null ? List.<CamundaFailedJobRetryTimeCycle>of()
            : node.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list();
        assertThat(retries).as(node.getId() + " has a retry cycle").hasSize(1);
        assertThat(retries.get(0).getTextContent()).as(node.getId()).matches("R[1-9]\\d*/PT\\d+[SM]");
      }
      if (node instanceof ServiceTask && !async) {
        assertThat(node.getDocumentations().stream().map(d -> d.getTextContent()).toList())
            .as(node.getId() + " is synchronous: its documentation says why").anyMatch(d -> d.startsWith("Synchronous"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyElementIsDrawn(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> drawn = Stream.concat(
        model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
        model.getModelElementsByType(BpmnEdge.class).stream().map(e -> ((BaseElement) e.getBpmnElement()).getId())).toList();
    model.getModelElementsByType(FlowElement.class).forEach(e -> assertThat(drawn).contains(e.getId()));
  }

  /** Each model's names in the code: its key, its tasks and messages, the elements the code starts at. */
  private static final java.util.Map<String, Class<?>> NAMES = java.util.Map.of(
      "objective-return.bpmn", org.sesreturns.returns.ObjectiveReturn.class,
      "quarterly-cycle.bpmn", org.sesreturns.cycle.QuarterlyCycle.class);

  /**
   * The code names a model's elements through one class of constants, and those are complete and
   * true: every user task and message of the model has its constant, and every constant that names
   * an element or a message names one the model has, so a renamed task fails here, not in a
   * cycle.
   */
  @ParameterizedTest
  @MethodSource("models")
  void theCodeNamesTheModelsTasksAndMessagesTruly(File file) throws IllegalAccessException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    Class<?> names = NAMES.get(file.getName());
    assertThat(names).as(file.getName() + " has its class of names in NAMES").isNotNull();
    java.util.Map<String, String> constants = new java.util.TreeMap<>();
    for (java.lang.reflect.Field field : names.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        constants.put(field.getName(), (String) field.get(null));
      }
    }
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    assertThat(constants.get("PROCESS_KEY")).as("PROCESS_KEY").isEqualTo(process.getId());
    List<String> elementIds = model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId).toList();
    List<String> messages = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).stream()
        .map(org.camunda.bpm.model.bpmn.instance.Message::getName).toList();
    model.getModelElementsByType(UserTask.class)
        .forEach(task -> assertThat(constants).as("a constant for " + task.getId()).containsValue(task.getId()));
    messages.forEach(message -> assertThat(constants).as("a constant for message " + message).containsValue(message));
    constants.forEach((name, value) -> {
      if (name.startsWith("MESSAGE_")) {
        assertThat(messages).as(name).contains(value);
      } else if (value.matches("(startEvent|endEvent|userTask|serviceTask|receiveTask|callActivity|subProcess|gateway|flow|timer|boundaryEvent)_\\w+")) {
        assertThat(elementIds).as(name).contains(value);
      }
    });
  }
}
