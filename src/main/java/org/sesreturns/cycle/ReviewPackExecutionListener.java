package org.sesreturns.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.Json;
import org.sesreturns.engine.ProcessVariables;
import org.sesreturns.engine.TaskCompletionListener;
import org.sesreturns.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Records the coordinator's pack review when the task ends; an execution listener so that a
 * refused review reaches the client as 400 with its message and the task stays open.
 */
@Component
class ReviewPackExecutionListener extends TaskCompletionListener {

  private final CycleService cycles;
  private final CurrentUser currentUser;

  ReviewPackExecutionListener(CycleService cycles, CurrentUser currentUser) {
    super(QuarterlyCycle.ALL);
    this.cycles = cycles;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    requireVersionUnderReview(execution);
    cycles.reviewPack(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        ProcessVariables.bool(execution.getVariable(QuarterlyCycle.PACK_APPROVED), QuarterlyCycle.PACK_APPROVED),
        objectiveIds(execution.getVariable(QuarterlyCycle.REOPEN_OBJECTIVES)),
        Json.text(execution.getVariable(QuarterlyCycle.PACK_REVIEW_COMMENT), QuarterlyCycle.PACK_REVIEW_COMMENT),
        currentUser.id());
    execution.removeVariable(QuarterlyCycle.PACK_FORM);
    execution.removeVariable(QuarterlyCycle.REVIEWED_VERSION);
  }

  /**
   * A late return signed off during the review puts a newer version under review; a form opened
   * before it says which version its user read, and that decision is refused rather than applied
   * to a pack they have not seen. A client that names no version decides on the one under review.
   */
  private static void requireVersionUnderReview(DelegateExecution execution) {
    Object reviewed = execution.getVariable(QuarterlyCycle.REVIEWED_VERSION);
    if (reviewed == null) {
      return;
    }
    int underReview = Json.read(execution.getVariable(QuarterlyCycle.PACK_FORM), QuarterlyCycle.PACK_FORM)
        .map(form -> form.path("packVersion").asInt(0)).orElse(0);
    String text = reviewed.toString().strip();
    if (!text.equals(Integer.toString(underReview))) {
      throw new InvalidInputException(QuarterlyCycle.REVIEWED_VERSION + ": version " + underReview
          + " of the pack is now under review (a late return came in since version " + text
          + " was shown); open the task again and review it");
    }
  }

  /** The objectives to reopen: comma-separated text (as the form sends them) or a Json list of ids. */
  private static List<String> objectiveIds(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return Arrays.stream(text.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
    JsonNode node = Json.read(value, QuarterlyCycle.REOPEN_OBJECTIVES).orElse(null);
    if (node == null || !node.isArray()) {
      throw new InvalidInputException(QuarterlyCycle.REOPEN_OBJECTIVES + ": must be objective ids, separated by commas");
    }
    List<String> ids = new ArrayList<>();
    node.forEach(id -> ids.add(id.asText().strip()));
    return ids;
  }
}
