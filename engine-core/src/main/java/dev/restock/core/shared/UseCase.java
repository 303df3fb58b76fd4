package dev.restock.core.shared;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.spi.Store;
import java.util.Objects;
import java.util.function.Supplier;

/** Base of every use case: runs work in the store's units of work as one actor. */
public abstract class UseCase {
  protected final CoreContext ctx;
  protected final Actor actor;

  protected UseCase(CoreContext ctx, Actor actor) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  protected Store store() {
    return ctx.store();
  }

  protected <T> T write(String action, Supplier<T> work) {
    return ctx.store().transactions().write(new AuditContext(actor, action), work);
  }

  /** Like {@link #write} with a reason given for this change, overriding the actor's own. */
  protected <T> T write(String action, String reason, Supplier<T> work) {
    Actor acting = reason == null ? actor : actor.withReason(reason);
    return ctx.store().transactions().write(new AuditContext(acting, action), work);
  }

  protected <T> T read(Supplier<T> work) {
    return ctx.store().transactions().read(work);
  }
}
