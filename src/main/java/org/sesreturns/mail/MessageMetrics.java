package org.sesreturns.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Messages recorded and not yet taken by the mail server. A mail server that is down does not fail
 * the node's health (the messages wait and their steps retry): this figure growing is how the
 * operator sees it.
 */
@Component
class MessageMetrics implements MeterBinder {

  private final MessageRepository messages;

  MessageMetrics(MessageRepository messages) {
    this.messages = messages;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ses.messages.queued", messages, MessageRepository::countUnsent)
        .description("Messages recorded and not yet taken by the mail server")
        .register(registry);
  }
}
