package dev.restock.core.fleet;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.UpdateRoute;
import dev.restock.api.fleet.port.in.RouteManagement;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.validation.Checks;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import dev.restock.core.usecase.References;
import java.util.Objects;
import java.util.UUID;

/** Route use cases. */
public final class RouteService extends CrudUseCase<Route, CreateRoute, UpdateRoute>
    implements RouteManagement {

  public RouteService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "route");
  }

  @Override
  protected Routes repository() {
    return store().routes();
  }

  @Override
  protected Route build(UUID id, CreateRoute c) {
    return new Route(id, c.code(), c.name(), c.visitIntervalDays(), 0, AuditStamp.NEW, null);
  }

  @Override
  protected Route apply(Route r, UpdateRoute u) {
    return new Route(r.id(), pick(u.code(), r.code()), pick(u.name(), r.name()),
        pick(u.visitIntervalDays(), r.visitIntervalDays()), r.version(), r.stamp(), r.deletedAt());
  }

  @Override
  protected void check(Route candidate, Checks checks) {
    References.unique(repository().findByCode(candidate.code()), candidate.id(), "route", "code",
        candidate.code());
  }

  @Override
  public Route getByCode(String code) {
    Objects.requireNonNull(code, "code");
    return read(() -> repository().findByCode(code.strip())
        .orElseThrow(() -> new NotFoundException("route", code)));
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.ROUTE;
  }
}
