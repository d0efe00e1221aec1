package org.sesreturns.mail;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message's two parts from {@code mail/<kind>.txt} and {@code mail/<kind>.html}. The
 * HTML part escapes every text it is given (a comment a user typed arrives as text); the plain
 * part is plain text, where markup is harmless. An engine of its own, so the application's page
 * templates keep Spring Boot's (Spring's expression language, as theirs).
 */
@Component
class MailTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  MailTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
  }

  String text(MessageKind kind, Map<String, Object> model) {
    return engine.process(kind.word() + ".txt", context(model));
  }

  String html(MessageKind kind, Map<String, Object> model) {
    return engine.process(kind.word() + ".html", context(model));
  }

  private static Context context(Map<String, Object> model) {
    Context context = new Context(java.util.Locale.UK);
    context.setVariables(model);
    return context;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
