package org.sesreturns.returns;

import java.util.HashSet;
import java.util.Set;
import org.sesreturns.engine.FormDataVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The return's forms' data: the application keeps each submitted version, so the engine keeps no
 * history of it. The same for the sign-off's answer (the decision and its comment), which the
 * application stores with the submission it decides and in the audit: kept in the engine's history
 * too, it was four rows of every submission (the answer's empty fields when the SES lead's task is
 * made) and more of every sign-off.
 */
@Configuration(proxyBeanMethods = false)
class ReturnFormData {

  @Bean
  FormDataVariables returnFormDataVariables() {
    Set<String> names = new HashSet<>(ObjectiveReturn.FORM_DATA);
    names.add(ObjectiveReturn.SIGN_OFF_COMMENT);
    names.add(ObjectiveReturn.APPROVED);
    return new FormDataVariables(ObjectiveReturn.PROCESS_KEY, Set.copyOf(names));
  }
}
