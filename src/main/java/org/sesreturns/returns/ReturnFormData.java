package org.sesreturns.returns;

import java.util.Set;
import org.sesreturns.engine.FormDataVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The return's forms' data: the application keeps each submitted version, so the engine keeps no history of it. */
@Configuration(proxyBeanMethods = false)
class ReturnFormData {

  @Bean
  FormDataVariables returnFormDataVariables() {
    return new FormDataVariables(ObjectiveReturn.PROCESS_KEY, Set.copyOf(ObjectiveReturn.FORM_DATA));
  }
}
