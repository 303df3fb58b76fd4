package dev.restock.spring;

import dev.restock.api.Restock;
import dev.restock.api.ops.Health;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;

/**
 * The engine's health as Spring Boot's health contributor {@code restock}: up when the store
 * answers, with its description, schema version and round-trip latency; down with the problem
 * otherwise. The pool's figures are left to the pool's own health and metrics.
 */
public class RestockHealthIndicator extends AbstractHealthIndicator {
  private final Restock engine;

  public RestockHealthIndicator(Restock engine) {
    super("Restock health check failed");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  protected void doHealthCheck(org.springframework.boot.health.contributor.Health.Builder builder) {
    Health health = engine.health();
    builder.withDetail("store", health.store())
        .withDetail("latencyMillis", health.latency().toMillis());
    if (health.up()) {
      builder.up().withDetail("schemaVersion", String.valueOf(health.schemaVersion()));
    } else {
      builder.down().withDetail("problem", String.valueOf(health.problem()));
    }
  }
}
