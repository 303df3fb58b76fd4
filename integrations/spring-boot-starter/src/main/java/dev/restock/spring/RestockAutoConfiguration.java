package dev.restock.spring;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.audit.KeyFileSigner;
import dev.restock.core.audit.trust.JsonLinesAnchorSink;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.tx.HostTransactions;
import dev.restock.plugin.micrometer.RestockMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;

/**
 * Auto-configures a {@link Restock} engine on the application's {@code DataSource}: the engine
 * migrates its own tables (own location, own history table {@code restock_schema_history}) on
 * it, never closes it, and joins Spring's transactions on it through
 * {@link SpringHostTransactions}. Every {@link EnginePlugin} bean is registered, and plugin
 * settings {@code restock.plugins.<plugin-id>.<key>} are given to the builder's
 * {@code pluginProperties}. With Spring
 * Boot's health and Micrometer modules present, a {@code restock} health indicator and the
 * engine's statistics (under Hibernate's meter names, tagged
 * {@code entityManagerFactory=restock}) are added. Every bean backs off when the application
 * declares its own.
 *
 * <p>The engine counts as a database initializer ({@link RestockDatabaseInitializerDetector}):
 * it starts after the application's Flyway or Liquibase, and beans that depend on database
 * initialization start after it.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass({RestockEngine.class, JpaStores.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "restock", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestockProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RestockAutoConfiguration {

  /** Spring's transactions on the application's {@code DataSource}, as the engine joins them. */
  @Bean
  @ConditionalOnMissingBean
  public SpringHostTransactions restockHostTransactions(DataSource dataSource) {
    return new SpringHostTransactions(dataSource);
  }

  /**
   * The engine, closed with the context (the {@code DataSource} stays open). Its database is
   * {@code restock.database}, or read from a connection.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Restock restock(DataSource dataSource, RestockProperties properties,
      SpringHostTransactions hostTransactions, ObjectProvider<EnginePlugin> plugins,
      ObjectProvider<RestockEngineCustomizer> customizers) {
    Database database = properties.getDatabase() != null ? properties.getDatabase()
        : Database.of(dataSource);
    JpaStoreConfig config = JpaStoreConfig.of(dataSource, database)
        .withMigrateOnStart(properties.isMigrateOnStart())
        .withIntegrityCheck(properties.isIntegrityCheck())
        .withHostTransactions(properties.isJoinTransactions() ? hostTransactions
            : HostTransactions.NONE);
    if (properties.getSchema() != null && !properties.getSchema().isBlank()) {
      config = config.withSchema(properties.getSchema().strip());
    }
    RestockEngine.Builder builder = RestockEngine.builder()
        .store(JpaStores.of(config))
        .minutesPerVisit(properties.getMinutesPerVisit())
        .pluginProperties(properties.pluginProperties());
    plugins.orderedStream().forEach(builder::plugin);
    if (properties.isDiscoverPlugins()) {
      builder.discoverPlugins(RestockAutoConfiguration.class.getClassLoader());
    }
    if (properties.getAuditKeyFile() != null) {
      builder.checkpointSigner(KeyFileSigner.load(properties.getAuditKeyFile()));
    }
    if (properties.getAnchorFile() != null) {
      builder.anchorSink(new JsonLinesAnchorSink(properties.getAnchorFile()));
    }
    RestockProperties.Checkpoint checkpoint = properties.getCheckpoint();
    if (checkpoint.getRevisions() != null || checkpoint.getPeriod() != null) {
      builder.checkpointEvery(checkpoint.getRevisions() == null ? 1000 : checkpoint.getRevisions(),
          checkpoint.getPeriod());
    }
    builder.checkpointOnClose(checkpoint.isOnClose());
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** The {@code restock} health contributor. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "restockHealthIndicator")
    RestockHealthIndicator restockHealthIndicator(Restock restock) {
      return new RestockHealthIndicator(restock);
    }
  }

  /**
   * The engine's statistics as meters of the application's registry. The pool's figures are not
   * among them: the pool is the application's, which Spring Boot already instruments
   * ({@code hikaricp.connections.*}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, RestockMetrics.class})
  @ConditionalOnProperty(prefix = "restock.metrics", name = "enabled", matchIfMissing = true)
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean(name = "restockMeterBinder")
    MeterBinder restockMeterBinder(Restock restock) {
      return new RestockMetrics(restock, Tags.of("entityManagerFactory", "restock"),
          RestockMetrics.Naming.HIBERNATE, false);
    }
  }
}
