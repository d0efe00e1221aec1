package org.sesreturns.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Nodes that start together on one PostgreSQL database start one after another. Each takes a
 * PostgreSQL advisory lock as soon as its database connection exists, before the engine creates
 * or checks its tables, Flyway migrates, the deployment is made and the catalogue's users, groups,
 * rights and filters are created; it lets go once the node is ready (or has failed). The engine's
 * schema creation and the application's setup are not safe to run twice at once; one after
 * another, the second node finds everything in place. The lock is the database session's: a node
 * killed while it holds it frees it with its connection. On H2, one node only, nothing is locked.
 */
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationEvent> {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
  /** Any number the application's own; PostgreSQL's advisory locks are by number. */
  static final long KEY = 0x5e5_2e7a_0001L;

  private Connection held;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && held == null) {
      take(dataSource);
    }
    return bean;
  }

  private synchronized void take(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      long start = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (waited > 100) {
        log.info("waited {} ms for another node to finish starting on the same database", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not take the start-up lock on the database: " + e.getMessage(), e);
    }
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent
        || event instanceof ContextClosedEvent) {
      release();
    }
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // closing the connection frees the lock as well
      log.warn("could not release the start-up lock cleanly: {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
