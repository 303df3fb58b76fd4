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

  @Override protected Location toDomain(LocationEntity e, Instant deletedAt) { return e.toDomain(deletedAt, store.crypto()); }
  @Override protected LocationEntity newEntity(Location l) { return new LocationEntity(l, store.crypto()); }
  @Override protected void copy(Location l, LocationEntity e) { e.copy(l, store.crypto()); }
  @Override protected String equalityIndex(String column) {
    return store.crypto().enabled() && column.equals("address") ? "address_hmac" : null;
  }
  @Override protected String what() { return "location"; }
  @Override protected String orderProperty() { return "name"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.LOCATION; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("name", "name", "address", "address");
  }
  /** The address is not searched as text: it may be sealed (see {@link #equalityIndex}). */
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("name"); }
}
