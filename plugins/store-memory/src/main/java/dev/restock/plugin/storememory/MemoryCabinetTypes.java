package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Cabinet types, listed by name. */
final class MemoryCabinetTypes extends MemoryRepository<CabinetType> implements CabinetTypes {
  MemoryCabinetTypes(MemoryDb db) {
    super(db, AuditedType.CABINET_TYPE, "cabinet type", CabinetType::name, List.of(),
        List.of(CabinetType::name), Map.of("name", CabinetType::name));
  }

  @Override
  protected CabinetType with(CabinetType t, long version, AuditStamp stamp, Instant deletedAt) {
    return new CabinetType(t.id(), t.name(), version, stamp, deletedAt);
  }

  @Override
  protected Map<String, String> state(CabinetType t) {
    return MemoryStates.cabinetType(t);
  }
}
