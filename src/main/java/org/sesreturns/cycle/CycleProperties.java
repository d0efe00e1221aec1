package org.sesreturns.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a cycle issues its returns.
 *
 * @param issueBatchSize how many returns one job starts: each job is one transaction, so this bounds
 *     what a failure rolls back and what a retry repeats (see docs/benchmarks.md for the figures)
 */
@ConfigurationProperties("ses.cycle")
public record CycleProperties(@DefaultValue("200") int issueBatchSize) {

  public CycleProperties {
    if (issueBatchSize < 1) {
      throw new IllegalArgumentException("ses.cycle.issue-batch-size must be at least 1, not " + issueBatchSize);
    }
  }
}
