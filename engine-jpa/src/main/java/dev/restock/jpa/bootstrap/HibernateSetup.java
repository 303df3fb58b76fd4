package dev.restock.jpa.bootstrap;

import dev.restock.jpa.config.JpaStoreConfig;

import dev.restock.jpa.audit.RevisionEntity;
import dev.restock.jpa.catalog.ProductEntity;
import dev.restock.jpa.fleet.CabinetEntity;
import dev.restock.jpa.fleet.CabinetTypeEntity;
import dev.restock.jpa.fleet.DeviceEntity;
import dev.restock.jpa.fleet.DeviceTypeEntity;
import dev.restock.jpa.fleet.LocationEntity;
import dev.restock.jpa.fleet.RouteEntity;
import dev.restock.jpa.planogram.PlanogramEntity;
import dev.restock.jpa.planogram.SaleEntity;
import dev.restock.jpa.planogram.SlotEntity;
import dev.restock.jpa.user.UserEntity;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Builds the session factory: the mapping, Envers settings, batching, and schema validation on
 * request.
 * Internal to the store; public only so that build tools can print the mapping's DDL.
 */
public final class HibernateSetup {
  /** Every mapped class. */
  public static final List<Class<?>> ENTITIES = List.of(ProductEntity.class, LocationEntity.class,
      RouteEntity.class, DeviceTypeEntity.class, CabinetTypeEntity.class, DeviceEntity.class,
      CabinetEntity.class, PlanogramEntity.class, SlotEntity.class, UserEntity.class,
      SaleEntity.class, RevisionEntity.class, dev.restock.jpa.audit.AuditLogEntity.class,
      dev.restock.jpa.serviceorder.ServiceOrderEntity.class, dev.restock.jpa.serviceorder.VisitEntity.class,
      dev.restock.jpa.serviceorder.OrderLineEntity.class,
      dev.restock.jpa.serviceorder.VisitLinesEntity.class, dev.restock.jpa.stock.StockEntity.class,
      dev.restock.jpa.stock.DeliveryNoteEntity.class,
      dev.restock.jpa.stock.DeliveryNoteLineEntity.class,
      dev.restock.jpa.reads.MachineReadEntity.class,
      dev.restock.jpa.reads.MachineReadSelectionEntity.class);

  private HibernateSetup() {}

  /** Settings shared by the running store and by DDL generation. */
  public static Map<String, Object> settings(JpaStoreConfig config) {
    // the dialect's own first: the Hibernate dialect and whatever else differs per database
    Map<String, Object> s =
        new java.util.HashMap<>(config.database().dialect().hibernateSettings());
    s.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
    s.put(AvailableSettings.ORDER_INSERTS, true);
    s.put(AvailableSettings.ORDER_UPDATES, true);
    s.put(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 64);
    s.put(AvailableSettings.GENERATE_STATISTICS, true);
    // statements slower than the threshold are logged on org.hibernate.SQL_SLOW; 0 turns it off
    s.put(AvailableSettings.LOG_SLOW_QUERY, config.slowQueryThreshold().toMillis());
    s.put("hibernate.query.fail_on_pagination_over_collection_fetch", true);
    s.put("org.hibernate.envers.store_data_at_delete", true);
    s.put("org.hibernate.envers.audit_table_suffix", "_aud");
    s.put("org.hibernate.envers.revision_field_name", "rev");
    s.put("org.hibernate.envers.revision_type_field_name", "revtype");
    if (config.schema() != null) {
      s.put(AvailableSettings.DEFAULT_SCHEMA, config.schema());
    }
    return s;
  }

  /** The Hibernate dialect class of {@code config}'s database. */
  public static String dialect(JpaStoreConfig config) {
    return config.database().dialect().hibernateDialect();
  }

  /** Entities kept in the second-level cache when it is on: read-mostly reference data. */
  public static final List<Class<?>> CACHED = List.of(ProductEntity.class, DeviceTypeEntity.class,
      CabinetTypeEntity.class);

  /**
   * A cache manager of this store's own (a unique URI, so two stores in one JVM never share
   * entries), with a bounded Caffeine cache per cached entity; null when the cache is off.
   */
  public static javax.cache.CacheManager cacheManager(JpaStoreConfig config) {
    if (!config.secondLevelCache()) {
      return null;
    }
    var provider = javax.cache.Caching.getCachingProvider(
        "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider",
        HibernateSetup.class.getClassLoader());
    javax.cache.CacheManager manager = provider.getCacheManager(
        java.net.URI.create("restock-store:" + java.util.UUID.randomUUID()),
        HibernateSetup.class.getClassLoader());
    for (Class<?> entity : CACHED) {
      var configuration = new com.github.benmanes.caffeine.jcache.configuration
          .CaffeineConfiguration<Object, Object>();
      configuration.setMaximumSize(java.util.OptionalLong.of(JpaStoreConfig.CACHE_MAX_ENTRIES));
      configuration.setStatisticsEnabled(true);
      manager.createCache(entity.getName(), configuration);
    }
    return manager;
  }

  /**
   * A session factory over {@code dataSource}, its metadata and building timed into
   * {@code phases}; when {@code validate}, the mapping is then checked against the schema
   * (Hibernate's {@code hbm2ddl} validation, timed as its own phase).
   *
   * @throws org.hibernate.tool.schema.spi.SchemaManagementException when validation finds a
   *     table or column missing or of the wrong type (the factory is closed again)
   */
  public static SessionFactory build(JpaStoreConfig config, DataSource dataSource,
      javax.cache.CacheManager cache, boolean validate, StartupPhases phases) {
    Map<String, Object> settings = new java.util.HashMap<>(settings(config));
    if (cache != null) {
      settings.put(AvailableSettings.USE_SECOND_LEVEL_CACHE, true);
      settings.put(AvailableSettings.CACHE_REGION_FACTORY, "jcache");
      settings.put("hibernate.javax.cache.cache_manager", cache);
      // the update-timestamps region Hibernate keeps is created with defaults
      settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
      settings.put(AvailableSettings.JAKARTA_SHARED_CACHE_MODE,
          jakarta.persistence.SharedCacheMode.ENABLE_SELECTIVE);
    } else {
      settings.put(AvailableSettings.USE_SECOND_LEVEL_CACHE, false);
    }
    // validation runs below, on request, so that it can be timed and skipped
    StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
        .applySettings(settings)
        .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
        .applySetting(AvailableSettings.HBM2DDL_AUTO, "none");
    StandardServiceRegistry registry = builder.build();
    SessionFactory factory;
    try {
      MetadataSources sources = new MetadataSources(registry);
      ENTITIES.forEach(sources::addAnnotatedClass);
      var metadata = phases.time(StartupPhases.HIBERNATE_METADATA, sources::buildMetadata);
      factory = phases.time(StartupPhases.SESSION_FACTORY, metadata::buildSessionFactory);
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
    if (validate) {
      try {
        phases.run(StartupPhases.SCHEMA_VALIDATION,
            () -> factory.getSchemaManager().validateMappedObjects());
      } catch (RuntimeException e) {
        factory.close();
        throw e;
      }
    }
    return factory;
  }
}
