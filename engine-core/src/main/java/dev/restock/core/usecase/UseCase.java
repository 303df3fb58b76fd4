package dev.restock.core.usecase;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.spi.Store;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.core.security.AccessPolicy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Base of every use case: runs work in the store's units of work as one actor, checks the actor's
 * permission first, and records a domain audit event for every change.
 */
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

  /**
   * Runs {@code work} in a read-write unit of work recorded under {@code action}, after checking
   * that the actor may perform it; a refused call writes nothing. The unit of work also records a
   * domain audit event for the result (store sink in the same transaction, plugin sinks after
   * commit). A unit beaten by a concurrent change runs again, whole, as {@link ConflictRetry}
   * says, unless it joined a unit of work already running on this thread. Inside a unit the host
   * composed, only that unit's actor may write.
   */
  protected <T> T write(String action, Supplier<T> work) {
    return write(action, null, work);
  }

  /** Like {@link #write} with a reason given for this change, overriding the actor's own. */
  protected <T> T write(String action, String reason, Supplier<T> work) {
    ComposedUnit.requireActor(ctx, actor, action);
    Actor acting = reason == null ? actor : actor.withReason(reason);
    TransactionBoundary tx = ctx.store().transactions();
    return ctx.retry().run(tx, action, () -> tx.write(new AuditContext(acting, action), () -> {
      AccessPolicy.authorize(ctx.store(), actor, action);
      T result = work.get();
      // sinks get the event as stored: with the revision it commits under
      AuditEvent stored = ctx.store().auditLog().accept(event(acting, action, result));
      if (!ctx.auditSinks().isEmpty()) {
        ComposedUnit.publishAfterCommit(ctx, tx, stored);
      }
      if (ctx.checkpoints().automatic() && ComposedUnit.firstCommitOf(ctx)) {
        // a counter bump after commit; the checkpoint itself runs on its own thread
        tx.afterCommit(ctx.checkpoints()::committed);
      }
      return result;
    }));
  }

  /** Refuses, before anything is written, an action the actor may not take. */
  protected final void authorize(String action) {
    AccessPolicy.authorize(ctx.store(), actor, action);
  }

  /**
   * A criteria search: {@code criteria} checked against {@code fields} (every problem named in
   * one {@link dev.restock.api.error.ValidationException}, before anything is read), then the
   * store's page of the checked criteria in a read-only unit.
   */
  protected <T> Page<T> search(SearchFields fields, Criteria criteria, PageRequest request,
      BiFunction<Criteria, PageRequest, Page<T>> find) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(request, "request");
    Criteria checked = fields.check(criteria);
    return read(() -> find.apply(checked, request));
  }

  /** Runs {@code work} in a read-only unit of work, after checking that the actor may read. */
  protected <T> T read(Supplier<T> work) {
    return ctx.store().transactions().read(() -> {
      AccessPolicy.authorize(ctx.store(), actor, AccessPolicy.READ);
      return work.get();
    });
  }

  /**
   * For actions a driver may take on their own orders only: refuses a driver acting on an order
   * assigned to someone else. Call inside the action's unit of work.
   */
  protected final void requireAssigned(UUID assignedDriver, String action, String what) {
    AccessPolicy.requireAssigned(AccessPolicy.authorize(store(), actor, action), actor,
        assignedDriver, action, what);
  }

  private AuditEvent event(Actor acting, String action, Object result) {
    int dot = action.indexOf('.');
    String resourceType = dot < 0 ? action : action.substring(0, dot);
    UUID resourceId = null;
    Map<String, String> details = new LinkedHashMap<>();
    if (acting.reason() != null) {
      details.put("reason", acting.reason());
    }
    if (result instanceof ServiceOrder order) {
      resourceId = order.id();
      details.put("number", order.number());
      details.put("status", order.status().name());
    } else if (result instanceof DeliveryNote note) {
      resourceId = note.orderId();
      details.put("deliveryNote", note.number());
      details.put("order", note.orderNumber());
    } else if (result instanceof StockLevel level) {
      resourceId = level.productId();
      details.put("onHand", Integer.toString(level.onHand()));
    } else if (result instanceof Aggregate aggregate) {
      resourceId = aggregate.id();
    } else if (result instanceof UUID id) {
      resourceId = id;
    } else if (result instanceof Collection<?> many) {
      details.put("count", Integer.toString(many.size()));
    }
    return new AuditEvent(0, ctx.now(), acting.userId(), action, resourceType,
        resourceId, details, acting.clientAddress(), acting.userAgent(), acting.correlationId());
  }
}
