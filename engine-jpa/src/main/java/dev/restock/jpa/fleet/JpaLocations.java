package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;

/** Locations in the JPA store. */
public final class JpaLocations extends JpaRepository<Location, LocationEntity> implements Locations {
  public JpaLocations(StoreContext store) {
    super(LocationEntity.class, "location", "name", false, store);
  }

  @Override protected Location toDomain(LocationEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected LocationEntity newEntity(Location l) { return new LocationEntity(l); }
  @Override protected void copy(Location l, LocationEntity e) { e.copy(l); }
  @Override protected String what() { return "location"; }
  @Override protected String orderProperty() { return "name"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.LOCATION; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("name", "name", "address", "address");
  }
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("name", "address"); }
}
