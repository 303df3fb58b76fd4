package dev.restock.core.session;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.core.shared.CoreContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running engine: hands out actor-bound sessions and owns the store's lifecycle. */
public final class CoreEngine implements Restock {
  private final CoreContext ctx;
  private final AtomicBoolean closed = new AtomicBoolean();

  public CoreEngine(CoreContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public RestockSession as(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
    return new CoreSession(ctx, actor);
  }

  @Override
  public Set<String> pickListStrategies() {
    return ctx.strategies().ids();
  }

  @Override
  public Set<String> visitPolicies() {
    return ctx.policies().ids();
  }

  @Override
  public Map<String, Long> auditSinkFailures() {
    return ctx.auditSinks().failures();
  }

  @Override
  public dev.restock.api.ops.Health health() {
    return ctx.store().health();
  }

  @Override
  public dev.restock.api.ops.Statistics statistics() {
    return ctx.store().statistics();
  }

  @Override
  public String storeDescription() {
    return ctx.store().description();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      ctx.store().close();
    }
  }
}
