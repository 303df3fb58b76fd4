package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes, listed by code; the code is unique among live routes. */
final class MemoryRoutes extends MemoryRepository<Route> implements Routes {
  MemoryRoutes(MemoryDb db) {
    super(db, AuditedType.ROUTE, "route", Route::code,
        List.of(new Unique<>(Route::code, "a live route already has this code")),
        List.of(Route::code, Route::name),
        Map.of("code", Route::code, "name", Route::name,
            "visitIntervalDays", Route::visitIntervalDays));
  }

  @Override
  protected Route with(Route r, long version, AuditStamp stamp, Instant deletedAt) {
    return new Route(r.id(), r.code(), r.name(), r.visitIntervalDays(), version, stamp,
        deletedAt);
  }

  @Override
  protected Map<String, String> state(Route r) {
    return MemoryStates.route(r);
  }

  @Override
  public Optional<Route> findByCode(String code) {
    return findLive(r -> r.code().equals(code));
  }
}
