package org.sesreturns.cycle;

import java.util.Set;
import org.sesreturns.engine.FormDataVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the cycle's forms show (the pack under review, the returns outstanding) is built from the
 * application's tables each time, so the engine keeps no history of it.
 */
@Configuration(proxyBeanMethods = false)
class CycleFormData {

  @Bean
  FormDataVariables cycleFormDataVariables() {
    return new FormDataVariables(QuarterlyCycle.PROCESS_KEY, Set.of(QuarterlyCycle.PACK_FORM, QuarterlyCycle.MISSING_RETURNS));
  }
}
