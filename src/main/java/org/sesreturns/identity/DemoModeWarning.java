package org.sesreturns.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo mode runs with passwords everybody knows: it says so at every start. */
@Component
class DemoModeWarning {

  private static final Logger log = LoggerFactory.getLogger(DemoModeWarning.class);

  private final DemoMode demo;

  DemoModeWarning(DemoMode demo) {
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    if (demo.on()) {
      log.warn("DEMO MODE: the administrator and every user have passwords published in the README."
          + " Do not put real returns in it; run without the demo profile, with SES_ADMIN_PASSWORD and"
          + " SES_DB_PASSWORD set, for real use.");
    }
  }
}
