package org.sesreturns.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.NoLongerOpenException;

/** How the engine's REST API answers what the application refuses, and a change that collided with another. */
class RefusalRestConfigurationTest {

  @Test
  void aCollisionIsAConflictToTryAgainNotAServerError() {
    var collided = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed.");
    Response direct = new RefusalRestConfiguration.EngineRefusalMapper().toResponse(collided);
    Response wrapped = new RefusalRestConfiguration.RestRefusalMapper()
        .toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, collided, "Cannot complete task 7"));
    // the same collision as the engine words it when another transaction ended an execution it read
    var gone = new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03077 Cannot resolve parent with id '8' of"
        + " execution '9', perhaps it was deleted in the meantime");
    Response ended = new RefusalRestConfiguration.RestRefusalMapper()
        .toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, gone, "Cannot complete task 7: " + gone.getMessage()));
    for (Response response : new Response[] {direct, wrapped, ended}) {
      assertThat(response.getStatus()).isEqualTo(409);
      assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(RefusalRestConfiguration.CONFLICT_MESSAGE);
    }
  }

  @Test
  void anExecutionGivenAChildByAnotherTransactionWhileThisOneRemovedItIsACollisionToo() {
    // PostgreSQL's refusal, as the engine's batch of statements wraps it (DeadlineRushIT meets it)
    var refusedByDatabase = new java.sql.BatchUpdateException("Batch entry 4 delete from ACT_RU_EXECUTION where ID_ = ('9')"
        + " was aborted", "23503", 0, new int[0]);
    refusedByDatabase.setNextException(new java.sql.SQLException("ERROR: update or delete on table \"act_ru_execution\""
        + " violates foreign key constraint \"act_fk_exe_parent\" on table \"act_ru_execution\"", "23503"));
    var persistence = new org.camunda.bpm.engine.ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.", new ProcessEngineException("ENGINE-03004", refusedByDatabase));
    Response response = new RefusalRestConfiguration.RestRefusalMapper()
        .toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, persistence, "Cannot complete task 7"));
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(RefusalRestConfiguration.CONFLICT_MESSAGE);
    // a foreign key of the application's own tables is no collision: the engine's handling stands
    var ownTable = new ProcessEngineException("insert failed", new java.sql.SQLException(
        "ERROR: insert or update on table \"return_submission\" violates foreign key constraint", "23503"));
    assertThat(new RefusalRestConfiguration.EngineRefusalMapper().toResponse(ownTable).getStatus()).isEqualTo(500);
  }

  @Test
  void aTransactionTheDatabaseEndedToBreakADeadlockIsACollision() {
    // PostgreSQL's answer to two completions removing executions as reminders' steps add to them
    // (DeadlineRushIT met it): the batch entry aborted, the deadlock its next exception
    var aborted = new java.sql.BatchUpdateException("Batch entry 1 delete from ACT_RU_EXECUTION where ID_ = ('9')"
        + " was aborted: ERROR: deadlock detected", "40P01", 0, new int[0]);
    aborted.setNextException(new java.sql.SQLException("ERROR: deadlock detected", "40P01"));
    var persistence = new org.camunda.bpm.engine.ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.", new ProcessEngineException("ENGINE-03004", aborted));
    Response response = new RefusalRestConfiguration.RestRefusalMapper()
        .toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, persistence, "Cannot complete task 7"));
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(RefusalRestConfiguration.CONFLICT_MESSAGE);
    // H2's word for it, through the engine's own API
    var h2 = new ProcessEngineException("flush failed", new java.sql.SQLException("Deadlock detected", "40001"));
    assertThat(new RefusalRestConfiguration.EngineRefusalMapper().toResponse(h2).getStatus()).isEqualTo(409);
  }

  @Test
  void aTaskCompletedOnceItHasGoneIsNotFoundInPlainWords() {
    // the second of two completions at once, tried again after it collided with the first
    var gone = new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id 7: task is null");
    Response response = new RefusalRestConfiguration.RestRefusalMapper()
        .toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, gone, "Cannot complete task 7: " + gone.getMessage()));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(RefusalRestConfiguration.TASK_GONE_MESSAGE);
    // the form of a task that has gone, as the engine refuses it
    Response read = new RefusalRestConfiguration.EngineRefusalMapper()
        .toResponse(new org.camunda.bpm.engine.BadUserRequestException("Cannot find task with id '7'.: task is null"));
    assertThat(read.getStatus()).isEqualTo(404);
    // the second of two completions at once, when it reached the application's rule after the
    // first was stored: the same answer, not the rule's own words
    Response movedOn = new RefusalRestConfiguration.EngineRefusalMapper().toResponse(new ProcessEngineException(
        "Cannot complete task 7", new NoLongerOpenException("the return for 'X' is signed-off and cannot be signed off now")));
    assertThat(movedOn.getStatus()).isEqualTo(404);
    assertThat(((Map<?, ?>) movedOn.getEntity()).get("message")).isEqualTo(RefusalRestConfiguration.TASK_GONE_MESSAGE);
  }

  @Test
  void refusalsKeepTheirStatusAndOwnWordsAndOtherErrorsTheEngines() {
    Response refused = new RefusalRestConfiguration.EngineRefusalMapper()
        .toResponse(new ProcessEngineException("Cannot submit task form 7", new InvalidInputException("commentary: is required")));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(((Map<?, ?>) refused.getEntity()).get("message")).isEqualTo("commentary: is required");
    assertThat(new RefusalRestConfiguration.EngineRefusalMapper().toResponse(new ProcessEngineException("database gone"))
        .getStatus()).isEqualTo(500);
  }
}
