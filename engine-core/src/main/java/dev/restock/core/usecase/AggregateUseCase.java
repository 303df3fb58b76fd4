package dev.restock.core.usecase;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Objects;
import java.util.UUID;

/**
 * The get/list/delete/restore flow every managed aggregate shares; each call is one unit of work.
 * {@link CrudUseCase} adds create and update for aggregates built from their command alone.
 */
public abstract class AggregateUseCase<T extends Aggregate> extends UseCase {
  private final String type;

  protected AggregateUseCase(CoreContext ctx, Actor actor, String type) {
    super(ctx, actor);
    this.type = type;
  }

  protected abstract Repository<T> repository();

  /**
   * Checks rules that need the store; records reference problems in {@code checks} and throws
   * {@link dev.restock.api.error.ConflictException} for values taken by another live row.
   */
  protected void check(T candidate, Checks checks) {}

  protected final String type() {
    return type;
  }

  public T get(UUID id) {
    Objects.requireNonNull(id, "id");
    return read(() -> live(id));
  }

  public Page<T> list(PageRequest request, Visibility visibility) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(visibility, "visibility");
    return read(() -> repository().list(request, visibility));
  }

  /** The fields criteria may name for this aggregate. */
  protected abstract dev.restock.api.query.SearchFields searchFields();

  public Page<T> find(dev.restock.api.query.Criteria criteria, PageRequest request,
      Visibility visibility) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(visibility, "visibility");
    dev.restock.api.query.Criteria checked = searchFields().check(criteria);
    return read(() -> repository().find(checked, request, visibility));
  }

  public Page<T> search(dev.restock.api.query.TextQuery query, PageRequest request,
      Visibility visibility) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(visibility, "visibility");
    return read(() -> repository().search(query, request, visibility));
  }

  /**
   * Checks, inside the delete's unit of work and before anything is written, whether the live
   * aggregate may be deleted; throws to refuse.
   */
  protected void beforeDelete(T live) {}

  public void delete(UUID id) {
    Objects.requireNonNull(id, "id");
    write(type + ".delete", () -> {
      beforeDelete(live(id));
      repository().softDelete(id);
      return id;
    });
  }

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

  protected final void validate(T candidate) {
    Checks checks = new Checks();
    check(candidate, checks);
    checks.throwIfAny();
  }
}
