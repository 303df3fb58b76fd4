package dev.restock.jpa.fleet;

import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;

/** Cabinet types in the JPA store. */
public final class JpaCabinetTypes extends JpaRepository<CabinetType, CabinetTypeEntity>
    implements CabinetTypes {
  public JpaCabinetTypes(StoreContext store) {
    super(CabinetTypeEntity.class, "cabinet_type", "name", false, store);
  }

  @Override protected CabinetType toDomain(CabinetTypeEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected CabinetTypeEntity newEntity(CabinetType t) { return new CabinetTypeEntity(t); }
  @Override protected void copy(CabinetType t, CabinetTypeEntity e) { e.copy(t); }
  @Override protected String what() { return "cabinet type"; }
  @Override protected String orderProperty() { return "name"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.CABINET_TYPE; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("name", "name");
  }
}
