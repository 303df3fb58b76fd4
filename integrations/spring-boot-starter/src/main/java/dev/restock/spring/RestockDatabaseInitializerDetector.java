package dev.restock.spring;

import dev.restock.api.Restock;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the {@link Restock} bean initializes the database (it applies the
 * engine's migrations as it starts), after the application's own initializers such as its
 * Flyway: the application's migrations run first, on a schema that holds only what the
 * application put there, then the engine's; beans that depend on database initialization (a
 * {@code JdbcTemplate}, JPA) wait for both.
 */
public class RestockDatabaseInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {
  /** After Flyway's (1) and Liquibase's initializers. */
  static final int ORDER = 100;

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(Restock.class);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
