package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;
import java.util.Optional;

/** Routes in the JPA store. */
public final class JpaRoutes extends JpaRepository<Route, RouteEntity> implements Routes {
  public JpaRoutes(StoreContext store) {
    super(RouteEntity.class, "route", "code", true, store);
  }

  @Override protected Route toDomain(RouteEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected RouteEntity newEntity(Route r) { return new RouteEntity(r); }
  @Override protected void copy(Route r, RouteEntity e) { e.copy(r); }
  @Override protected String what() { return "route"; }
  @Override protected String orderProperty() { return "code"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.ROUTE; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("code", "code", "name", "name", "visitIntervalDays", "visit_interval_days");
  }
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("code", "name"); }

  @Override
  public Optional<Route> findByCode(String code) {
    return session().createSelectionQuery("from RouteEntity e where e.code = :code", RouteEntity.class)
        .setParameter("code", code).getResultStream().findFirst().map(e -> e.toDomain(null));
  }
}
