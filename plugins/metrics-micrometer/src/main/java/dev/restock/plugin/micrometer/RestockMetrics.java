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
 */
public final class RestockMetrics implements MeterBinder {
  private final Restock engine;
  private final Tags tags;
  private volatile Health health;
  private volatile long healthAt;

  public RestockMetrics(Restock engine) {
    this(engine, Tags.of("store", engine.storeDescription()));
  }

  public RestockMetrics(Restock engine, Tags tags) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.tags = Objects.requireNonNull(tags, "tags");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
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
    gauge(registry, "restock.pool.active", "connections in use", h -> h.pool().active());
    gauge(registry, "restock.pool.idle", "idle connections", h -> h.pool().idle());
    gauge(registry, "restock.pool.waiting", "threads waiting for a connection",
        h -> h.pool().waiting());
    gauge(registry, "restock.pool.max", "most connections the pool opens", h -> h.pool().max());
    gauge(registry, "restock.up", "1 when the database answers", h -> h.up() ? 1 : 0);
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
