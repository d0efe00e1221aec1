package org.sesreturns.engine;

import java.lang.reflect.Method;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.springframework.stereotype.Component;

/**
 * No expression in a query is evaluated but those of the application's own Tasklist filters ({@code
 * ${currentUser()}}, {@code ${now()}}), whoever sends it and however: the REST API,
 * the webapps, an administrator, a stored filter. A query's expressions are the only ones the
 * engine evaluates without a process or task to evaluate them on (AbstractQuery: {@code
 * getValue(null)}); a JUEL expression can call any Java method, so one in a query runs code on the
 * server (CVE-2026-109432: the engine's own check skips {@code orQueries}). The models'
 * expressions, evaluated on an execution or a task, are untouched. This stands behind the REST
 * API's refusal of expressions ({@code identity.EngineApiPolicy}), at the depth where they are run.
 *
 * <p>The engine asks its configuration for the expression manager when a query evaluates, so
 * wrapping it once the engine is configured reaches every query; the models were parsed with the
 * engine's own manager and keep it.
 */
@Component
class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  /** The expressions of the application's own Tasklist filters (identity.IdentitySetup, returns.ReturnRights). */
  static final Set<String> FILTER_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}", "${now()}");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new Guarded(configuration.getExpressionManager()));
  }

  record Guarded(ExpressionManager next) implements ExpressionManager {

    @Override
    public Expression createExpression(String expression) {
      return new QueryGuardedExpression(next.createExpression(expression), expression);
    }

    @Override
    public void addFunction(String name, Method function) {
      next.addFunction(name, function);
    }
  }

  /** An expression that refuses to be evaluated without a scope (in a query) unless it is a filter's. */
  record QueryGuardedExpression(Expression next, String text) implements Expression {

    @Override
    public Object getValue(VariableScope variableScope) {
      refuseInQuery(variableScope);
      return next.getValue(variableScope);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
      refuseInQuery(variableScope);
      return next.getValue(variableScope, contextExecution);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      next.setValue(value, variableScope);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
      next.setValue(value, variableScope, contextExecution);
    }

    @Override
    public String getExpressionText() {
      return next.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return next.isLiteralText();
    }

    private void refuseInQuery(VariableScope variableScope) {
      if (variableScope == null && !next.isLiteralText() && !FILTER_EXPRESSIONS.contains(text.strip())) {
        throw new BadUserRequestException("expressions in queries are not evaluated here: " + text.length()
            + " characters refused");
      }
    }
  }
}
