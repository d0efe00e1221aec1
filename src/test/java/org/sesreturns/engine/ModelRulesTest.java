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
          .matches("(startEvent|endEvent|userTask|serviceTask|callActivity|gateway|flow|timer|boundaryEvent)_[a-z][a-zA-Z]+");
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

  @ParameterizedTest
  @MethodSource("models")
  void everyElementIsDrawn(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> drawn = Stream.concat(
        model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
        model.getModelElementsByType(BpmnEdge.class).stream().map(e -> ((BaseElement) e.getBpmnElement()).getId())).toList();
    model.getModelElementsByType(FlowElement.class).forEach(e -> assertThat(drawn).contains(e.getId()));
  }
}
