package org.sesreturns.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An unsafe configuration stops start-up with what to change, not a stack trace. */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<StartupSafety.UnsafeConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupSafety.UnsafeConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the environment variables named above (README, \"Configure it\"), or start with the demo profile"
            + " (--spring.profiles.active=demo) for a first look with published passwords.",
        cause);
  }
}
