package org.sesreturns.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs as the operator watches them: how many are due and waiting for a job thread
 * (a queue that grows means the nodes' job threads do not keep up: at a deadline, the messages a
 * rush of submissions sets off), and how many have failed every retry (each an incident in
 * Cockpit: a message not sent, a pack not compiled). Counted by the database at each scrape, so
 * every node reports the whole cluster's figure.
 */
@Component
class JobMetrics implements MeterBinder {

  private final ManagementService management;

  JobMetrics(ManagementService management) {
    this.management = management;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ses.jobs.due", management, m -> m.createJobQuery().executable().count())
        .description("Jobs due now with retries left, waiting for a job thread of any node")
        .register(registry);
    Gauge.builder("ses.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs that failed every retry: each an incident in Cockpit")
        .register(registry);
  }
}
