package dev.restock.core.usecase;

import dev.restock.api.error.ConflictException;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Visibility;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Optional;
import java.util.UUID;

/** Checks shared by use cases: live references and live uniqueness. */
public final class References {
  private References() {}

  /** Records a violation unless {@code id} names a live row; returns it when it does. */
  public static <T extends Aggregate> Optional<T> live(
      Repository<T> repository, UUID id, String field, String what, Checks checks) {
    if (id == null) {
      return Optional.empty();
    }
    Optional<T> found = repository.find(id, Visibility.LIVE);
    checks.check(found.isPresent(), field, "no live " + what + " with id " + id);
    return found;
  }

  /** Throws a conflict when another live row than {@code self} holds the value. */
  public static void unique(
      Optional<? extends Aggregate> holder, UUID self, String what, String field, String value) {
    if (holder.isPresent() && !holder.get().id().equals(self)) {
      throw new ConflictException(
          what + " " + field + " '" + value + "' is already used by a live " + what);
    }
  }
}
