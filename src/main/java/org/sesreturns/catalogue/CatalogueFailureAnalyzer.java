package org.sesreturns.catalogue;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad catalogue into one message at start-up instead of a stack trace. */
class CatalogueFailureAnalyzer extends AbstractFailureAnalyzer<CatalogueException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CatalogueException cause) {
    return new FailureAnalysis(
        "The catalogue cannot be loaded: " + cause.getMessage(),
        "Correct " + cause.file() + " at " + cause.place()
            + " (the format is in docs/catalogue-format.md), or choose another file with"
            + " ses.catalogue / ses.history.",
        cause);
  }
}
