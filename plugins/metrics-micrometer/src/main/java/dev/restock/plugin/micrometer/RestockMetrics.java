package dev.restock.plugin.micrometer;

import dev.restock.api.Restock;
import dev.restock.api.ops.Health;
import dev.restock.api.ops.Statistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Publishes an engine's statistics and pool figures as Micrometer meters, for hosts that use
 * Micrometer: {@code new RestockMetrics(engine).bindTo(registry)}.
 *
 * <p>Counters ({@code restock.statements}, {@code restock.transactions},
 * {@code restock.entity.loads|inserts|updates|deletes}, {@code restock.queries},
 * {@code restock.cache.hits|misses}) read {@link Restock#statistics()}; gauges
 * ({@code restock.pool.active|idle|waiting|max}, {@code restock.up}) read {@link Restock#health()}
 * at most once per second, so scraping never adds more than one database round trip a second.
 *
 * <p>With {@link Naming#HIBERNATE} the store's statistics carry the names Hibernate's own
 * Micrometer binder ({@code hibernate-micrometer}) gives them ({@code hibernate.statements} with
 * {@code status=prepared}, {@code hibernate.transactions} with {@code result=success},
 * {@code hibernate.entities.loads|inserts|updates|deletes}, {@code hibernate.query.executions},
 * {@code hibernate.second.level.cache.requests} with {@code result=hit|miss}), tagged
 * {@code entityManagerFactory=<name>}, so dashboards built for Hibernate show the engine's. Pool
 * gauges can be left out where the pool is the host's and already instrumented (HikariCP's own
 * {@code hikaricp.connections.*}).
 */
public final class RestockMetrics implements MeterBinder {
  /** How the store's statistics are named. */
  public enum Naming {
    /** {@code restock.*} names. */
    RESTOCK,
    /** Hibernate's standard {@code hibernate.*} names, as {@code hibernate-micrometer} has them. */
    HIBERNATE
  }

  private final Restock engine;
  private final Tags tags;
  private final Naming naming;
  private final boolean poolGauges;
  private volatile Health health;
  private volatile long healthAt;

  public RestockMetrics(Restock engine) {
    this(engine, Tags.of("store", engine.storeDescription()));
  }

  public RestockMetrics(Restock engine, Tags tags) {
    this(engine, tags, Naming.RESTOCK, true);
  }

  /**
   * @param tags added to every meter; with {@link Naming#HIBERNATE} give at least
   *     {@code entityManagerFactory} (e.g. {@code Tags.of("entityManagerFactory", "restock")}),
   *     the tag Hibernate's binder puts on its meters
   * @param naming how the store's statistics are named
   * @param poolGauges whether to publish {@code restock.pool.*}; leave them out when the pool is
   *     already instrumented under its own names
   */
  public RestockMetrics(Restock engine, Tags tags, Naming naming, boolean poolGauges) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.tags = Objects.requireNonNull(tags, "tags");
    this.naming = Objects.requireNonNull(naming, "naming");
    this.poolGauges = poolGauges;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (naming == Naming.HIBERNATE) {
      hibernateCounters(registry);
    } else {
      restockCounters(registry);
    }
    if (poolGauges) {
      gauge(registry, "restock.pool.active", "connections in use", h -> h.pool().active());
      gauge(registry, "restock.pool.idle", "idle connections", h -> h.pool().idle());
      gauge(registry, "restock.pool.waiting", "threads waiting for a connection",
          h -> h.pool().waiting());
      gauge(registry, "restock.pool.max", "most connections the pool opens",
          h -> h.pool().max());
    }
    gauge(registry, "restock.up", "1 when the database answers", h -> h.up() ? 1 : 0);
  }

  private void restockCounters(MeterRegistry registry) {
    counter(registry, "restock.statements", "JDBC statements prepared", Statistics::statements);
    counter(registry, "restock.transactions", "committed units of work",
        Statistics::transactions);
    counter(registry, "restock.entity.loads", "entities read", Statistics::entityLoads);
    counter(registry, "restock.entity.inserts", "entities inserted", Statistics::entityInserts);
    counter(registry, "restock.entity.updates", "entities updated", Statistics::entityUpdates);
    counter(registry, "restock.entity.deletes", "entities deleted", Statistics::entityDeletes);
    counter(registry, "restock.queries", "queries run", Statistics::queryExecutions);
    counter(registry, "restock.cache.hits", "second-level cache hits", Statistics::cacheHits);
    counter(registry, "restock.cache.misses", "second-level cache misses",
        Statistics::cacheMisses);
  }

  private void hibernateCounters(MeterRegistry registry) {
    counter(registry, "hibernate.statements", "The number of prepared statements that were "
        + "acquired", Statistics::statements, Tags.of("status", "prepared"));
    counter(registry, "hibernate.transactions", "The number of transactions we know to have "
        + "been successful", Statistics::transactions, Tags.of("result", "success"));
    counter(registry, "hibernate.entities.loads", "The number of entity loads",
        Statistics::entityLoads, Tags.empty());
    counter(registry, "hibernate.entities.inserts", "The number of entity inserts",
        Statistics::entityInserts, Tags.empty());
    counter(registry, "hibernate.entities.updates", "The number of entity updates",
        Statistics::entityUpdates, Tags.empty());
    counter(registry, "hibernate.entities.deletes", "The number of entity deletes",
        Statistics::entityDeletes, Tags.empty());
    counter(registry, "hibernate.query.executions", "The number of executed queries",
        Statistics::queryExecutions, Tags.empty());
    counter(registry, "hibernate.second.level.cache.requests", "The number of cacheable "
        + "entities successfully retrieved from the cache", Statistics::cacheHits,
        Tags.of("result", "hit", "region", "all"));
    counter(registry, "hibernate.second.level.cache.requests", "The number of cacheable "
        + "entities not found in the cache", Statistics::cacheMisses,
        Tags.of("result", "miss", "region", "all"));
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<Statistics> value, Tags extra) {
    FunctionCounter.builder(name, engine, e -> value.applyAsDouble(e.statistics()))
        .description(description).tags(tags).tags(extra).register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<Statistics> value) {
    FunctionCounter.builder(name, engine, e -> value.applyAsDouble(e.statistics()))
        .description(description).tags(tags).register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<Health> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.health())).description(description)
        .tags(tags).register(registry);
  }

  private Health health() {
    long now = System.nanoTime();
    Health cached = health;
    if (cached == null || now - healthAt > Duration.ofSeconds(1).toNanos()) {
      cached = engine.health();
      health = cached;
      healthAt = now;
    }
    return cached;
  }
}
