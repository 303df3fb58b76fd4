package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Locations, listed by name. */
final class MemoryLocations extends MemoryRepository<Location> implements Locations {
  MemoryLocations(MemoryDb db) {
    super(db, AuditedType.LOCATION, "location", Location::name, List.of(),
        // address is personal data: equality only, never free text (SearchFields)
        List.of(Location::name),
        Map.of("name", Location::name, "address", Location::address));
  }

  @Override
  protected Location with(Location l, long version, AuditStamp stamp, Instant deletedAt) {
    return new Location(l.id(), l.name(), l.address(), version, stamp, deletedAt);
  }

  @Override
  protected Map<String, String> state(Location l) {
    return MemoryStates.location(l);
  }
}
