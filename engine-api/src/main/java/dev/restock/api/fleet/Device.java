package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A vending machine with its cabinets.
 *
 * @param serialNumber unique among live devices
 * @param routeId optional route, may be null
 * @param cabinets ordered by index, never empty
 */
@Stable(since = "0.1")
public record Device(
    UUID id, String name, String serialNumber, UUID locationId, @Nullable UUID routeId, UUID deviceTypeId,
    List<Cabinet> cabinets, long version, AuditStamp stamp, @Nullable Instant deletedAt)
    implements Aggregate {
  public Device {
    cabinets = List.copyOf(cabinets);
  }

  public Optional<Cabinet> cabinet(int index) {
    return cabinets.stream().filter(c -> c.index() == index).findFirst();
  }
}
