package org.sesreturns.engine;

import java.util.Set;

/**
 * Variables a process holds only to show a form: built from the application's tables when a task
 * is created and removed when its answer is stored there. The engine keeps no history of them
 * ({@link FormDataHistoryFilter}): the application keeps every submitted version and its audit.
 * Each feature declares its own processes' as a bean.
 */
public record FormDataVariables(String processDefinitionKey, Set<String> names) {}
