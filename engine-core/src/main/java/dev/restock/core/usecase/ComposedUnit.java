package dev.restock.core.usecase;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.tx.TransactionBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The units of work a host composed on this thread ({@code Restock.inUnitOfWork}), one per
 * engine (per {@link CoreContext}), innermost first. Use cases ask it to keep a composed unit to
 * one actor, to count one committed revision per unit for checkpoints, and to hand the unit's
 * audit events to the plugin sinks as one batch after it commits.
 */
public final class ComposedUnit {
  private static final ThreadLocal<ComposedUnit> CURRENT = new ThreadLocal<>();

  private final CoreContext ctx;
  private final Actor actor;
  private final ComposedUnit outer;
  private boolean commitCounted;
  private List<AuditEvent> events;

  private ComposedUnit(CoreContext ctx, Actor actor, ComposedUnit outer) {
    this.ctx = ctx;
    this.actor = actor;
    this.outer = outer;
  }

  /**
   * Runs {@code work}, which opens or joins a read-write unit of the engine's store, as the unit
   * composed by {@code actor}; a nested call for the same engine joins the composed unit already
   * open.
   *
   * @throws IllegalStateException when a unit composed by another actor is open on the engine
   */
  public static <T> T compose(CoreContext ctx, Actor actor, Supplier<T> work) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(actor, "actor");
    ComposedUnit open = of(ctx);
    if (open != null) {
      open.requireActor(actor, "a nested unit of work");
      return work.get();
    }
    ComposedUnit unit = new ComposedUnit(ctx, actor, CURRENT.get());
    CURRENT.set(unit);
    try {
      return work.get();
    } finally {
      if (unit.outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(unit.outer);
      }
    }
  }

  /** Whether a unit composed on the engine of {@code ctx} is open on this thread. */
  public static boolean isOpen(CoreContext ctx) {
    return of(ctx) != null;
  }

  /**
   * Refuses a change by {@code actor} inside a unit composed on the same engine by someone else: the
   * unit is one revision under one actor, and history must not credit one with another's change.
   */
  static void requireActor(CoreContext ctx, Actor actor, String what) {
    ComposedUnit open = of(ctx);
    if (open != null) {
      open.requireActor(actor, what);
    }
  }

  /**
   * Whether the caller, about to register a commit with the checkpointer, is the first in this
   * thread's unit composed on the engine (true outside one): a composed unit is one revision.
   */
  static boolean firstCommitOf(CoreContext ctx) {
    ComposedUnit open = of(ctx);
    if (open == null) {
      return true;
    }
    boolean first = !open.commitCounted;
    open.commitCounted = true;
    return first;
  }

  /**
   * Has the plugin sinks receive {@code event} once the unit of work it was recorded in commits:
   * alone, or, inside a unit composed on the engine, with the unit's other events as one batch.
   */
  static void publishAfterCommit(CoreContext ctx, TransactionBoundary tx, AuditEvent event) {
    ComposedUnit open = of(ctx);
    if (open == null) {
      tx.afterCommit(() -> ctx.auditSinks().publish(List.of(event)));
      return;
    }
    if (open.events == null) {
      List<AuditEvent> batch = new ArrayList<>();
      open.events = batch;
      tx.afterCommit(() -> ctx.auditSinks().publish(List.copyOf(batch)));
    }
    open.events.add(event);
  }

  private void requireActor(Actor other, String what) {
    if (!actor.equals(other)) {
      throw new IllegalStateException(what + " acts as " + describe(other) + ", inside a unit of "
          + "work composed as " + describe(actor) + "; a unit of work is one revision under one "
          + "actor: call every use case on the session the unit hands out");
    }
  }

  private static String describe(Actor actor) {
    return actor.isSystem() ? "the system actor" : "user " + actor.userId()
        + (actor.reason() == null ? "" : " (reason '" + actor.reason() + "')");
  }

  private static ComposedUnit of(CoreContext ctx) {
    for (ComposedUnit u = CURRENT.get(); u != null; u = u.outer) {
      if (u.ctx == ctx) {
        return u;
      }
    }
    return null;
  }
}
