package dev.restock.core.usecase;

import dev.restock.api.audit.Actor;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import java.util.Objects;
import java.util.UUID;

/**
 * Create and update for aggregates built from their command alone: subclasses build and change
 * aggregates, {@link #check} runs what needs the store, so a failed check leaves nothing written.
 */
public abstract class CrudUseCase<T extends Aggregate, C, U> extends AggregateUseCase<T>
    implements ManageAggregate<T, C, U> {

  protected CrudUseCase(CoreContext ctx, Actor actor, String type) {
    super(ctx, actor, type);
  }

  /** A new aggregate from a valid command; references are checked in {@link #check}. */
  protected abstract T build(UUID id, C command);

  /**
   * {@code current} with the command's non-null fields applied; equal to {@code current} (record
   * equality) when the command changes nothing, which {@link #update} relies on to write nothing.
   */
  protected abstract T apply(T current, U command);

  @Override
  public T create(C command) {
    Objects.requireNonNull(command, "command");
    return write(type() + ".create", () -> {
      T candidate = build(UUID.randomUUID(), command);
      validate(candidate);
      return repository().add(candidate);
    });
  }

  /**
   * Applies the command's changes in one unit of work. A command that changes nothing (every
   * field it sets already has that value) writes nothing at all: no revision, no audit event; the
   * current aggregate comes back, after the same permission check as a real change.
   */
  @Override
  public T update(UUID id, U command) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(command, "command");
    String action = type() + ".update";
    T current = read(() -> {
      authorize(action);
      return live(id);
    });
    if (apply(current, command).equals(current)) {
      return current;
    }
    return write(action, () -> {
      T changed = apply(live(id), command);
      validate(changed);
      return repository().update(changed);
    });
  }

  protected static <V> V pick(V update, V current) {
    return update != null ? update : current;
  }
}
