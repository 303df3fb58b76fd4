package dev.restock.core.shared;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.shared.Aggregate;
import dev.restock.api.shared.Checks;
import dev.restock.api.shared.Page;
import dev.restock.api.shared.PageRequest;
import dev.restock.api.shared.Visibility;
import dev.restock.api.shared.port.in.ManageAggregate;
import dev.restock.api.shared.port.out.Repository;
import java.util.Objects;
import java.util.UUID;

/**
 * The create/update/get/list/delete/restore flow shared by every aggregate. Subclasses build and
 * change aggregates and check what needs the store (references, live uniqueness); each call is one
 * unit of work, so a failed check leaves nothing written.
 */
public abstract class CrudUseCase<T extends Aggregate, C, U> extends UseCase
    implements ManageAggregate<T, C, U> {

  private final String type;

  protected CrudUseCase(CoreContext ctx, Actor actor, String type) {
    super(ctx, actor);
    this.type = type;
  }

  protected abstract Repository<T> repository();

  /** A new aggregate from a valid command; references are checked in {@link #check}. */
  protected abstract T build(UUID id, C command);

  /** {@code current} with the command's non-null fields applied. */
  protected abstract T apply(T current, U command);

  /**
   * Checks rules that need the store; records reference problems in {@code checks} and throws
   * {@link dev.restock.api.error.ConflictException} for values taken by another live row.
   */
  protected void check(T candidate, Checks checks) {}

  protected final String type() {
    return type;
  }

  @Override
  public T create(C command) {
    Objects.requireNonNull(command, "command");
    return write(type + ".create", () -> {
      T candidate = build(UUID.randomUUID(), command);
      validate(candidate);
      return repository().add(candidate);
    });
  }

  @Override
  public T update(UUID id, U command) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(command, "command");
    return write(type + ".update", () -> {
      T changed = apply(live(id), command);
      validate(changed);
      return repository().update(changed);
    });
  }

  @Override
  public T get(UUID id) {
    Objects.requireNonNull(id, "id");
    return read(() -> live(id));
  }

  @Override
  public Page<T> list(PageRequest request, Visibility visibility) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(visibility, "visibility");
    return read(() -> repository().list(request, visibility));
  }

  @Override
  public void delete(UUID id) {
    Objects.requireNonNull(id, "id");
    write(type + ".delete", () -> {
      live(id);
      repository().softDelete(id);
      return null;
    });
  }

  @Override
  public T restore(UUID id) {
    Objects.requireNonNull(id, "id");
    return write(type + ".restore", () -> {
      T deleted = repository().find(id, Visibility.ONLY_DELETED)
          .orElseThrow(() -> new NotFoundException("deleted " + type, id));
      validate(deleted);
      return repository().restore(id);
    });
  }

  protected final T live(UUID id) {
    return repository().find(id, Visibility.LIVE).orElseThrow(() -> new NotFoundException(type, id));
  }

  private void validate(T candidate) {
    Checks checks = new Checks();
    check(candidate, checks);
    checks.throwIfAny();
  }

  protected static <V> V pick(V update, V current) {
    return update != null ? update : current;
  }
}
