package org.sesreturns.returns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.identity.CurrentUser;
import org.sesreturns.identity.NotAllowedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A return's draft, for its project lead while the return is with them: the return form saves
 * here (Tasklist's Save) with the login session, and reads it back when it opens, in any browser.
 * Nobody else reads or writes it: the draft is the lead's until they submit it.
 */
@RestController
@RequestMapping("/api/cycles/{key}/returns/{objective}/draft")
class DraftController {

  private final ReturnService returns;
  private final ReturnTasks tasks;
  private final Catalogue catalogue;
  private final CurrentUser currentUser;

  DraftController(ReturnService returns, ReturnTasks tasks, Catalogue catalogue, CurrentUser currentUser) {
    this.returns = returns;
    this.tasks = tasks;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> read(@PathVariable String key, @PathVariable String objective) {
    return tasks.draft(returnKey(key, objective), currentUser.id())
        .map(draft -> ResponseEntity.ok(view(draft)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PutMapping
  Map<String, Object> save(@PathVariable String key, @PathVariable String objective, @RequestBody JsonNode entries) {
    return view(tasks.saveDraft(returnKey(key, objective), entries, currentUser.id()));
  }

  @DeleteMapping
  ResponseEntity<Void> discard(@PathVariable String key, @PathVariable String objective) {
    tasks.discardDraft(returnKey(key, objective), currentUser.id());
    return ResponseEntity.noContent().build();
  }

  private ReturnKey returnKey(String cycleKey, String objectiveId) {
    if (catalogue.objective(objectiveId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no objective '" + objectiveId + "' in the catalogue");
    }
    ReturnKey key = new ReturnKey(cycleKey, objectiveId);
    if (!returns.exists(key)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no return " + cycleKey + "/" + objectiveId);
    }
    return key;
  }

  private Map<String, Object> view(ReturnDrafts.Draft draft) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("kpis", draft.content().get("kpis"));
    view.put("overallStatus", draft.content().path("overallStatus").asText(null));
    view.put("commentary", draft.content().path("commentary").asText(null));
    view.put("savedBy", catalogue.person(draft.savedBy()).name());
    view.put("savedAt", draft.savedAt().toString());
    return view;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> refused(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(NotAllowedException.class)
  ResponseEntity<Map<String, String>> notAllowed(NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
  }
}
