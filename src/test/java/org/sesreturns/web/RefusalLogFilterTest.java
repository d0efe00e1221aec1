package org.sesreturns.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.identity.NotAllowedException;

/** The engine's ERROR for a user's refused input is dropped; every other exception is logged as the engine logs it. */
class RefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final RefusalLogFilter filter = new RefusalLogFilter();

  @Test
  void aRefusalEndingACommandIsNotLoggedAsAnEngineError() {
    var refusal = new RuntimeException("ENGINE-16004", new InvalidInputException("commentary: is required"));
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.context"), Level.ERROR, "ENGINE-16004 {}",
        new Object[] {refusal}, null)).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.context"), Level.ERROR, "x", null,
        new NotAllowedException("not the lead"))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void anyOtherErrorIsLogged() {
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.context"), Level.ERROR, "ENGINE-16004 {}",
        new Object[] {new IllegalStateException("database gone")}, null)).isEqualTo(FilterReply.NEUTRAL);
    // a refusal logged elsewhere (a job's failure, say) is not this filter's to drop
    assertThat(filter.decide(null, context.getLogger("org.camunda.bpm.engine.jobexecutor"), Level.WARN, "x", null,
        new InvalidInputException("x"))).isEqualTo(FilterReply.NEUTRAL);
  }
}
