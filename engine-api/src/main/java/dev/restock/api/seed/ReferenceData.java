package dev.restock.api.seed;

import dev.restock.api.stability.Experimental;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reference data a new installation needs, seeded in dependency order (device types, cabinet
 * types, then the first administrator) by {@link dev.restock.api.Restock#seed}.
 *
 * @param deviceTypes device types, matched by name
 * @param cabinetTypes cabinet types, matched by name
 * @param firstAdmin the administrator to create when the database has no active one; may be null
 */
@Experimental(since = "0.1")
public record ReferenceData(
    List<CreateDeviceType> deviceTypes, List<CreateCabinetType> cabinetTypes,
    @Nullable CreateUser firstAdmin) {
  public ReferenceData {
    deviceTypes = List.copyOf(deviceTypes);
    cabinetTypes = List.copyOf(cabinetTypes);
    if (firstAdmin != null && firstAdmin.role() != Role.ADMIN) {
      throw new IllegalArgumentException("the first administrator must have role ADMIN, not "
          + firstAdmin.role());
    }
  }

  /**
   * The standard set: device types with one, two and three cabinets; ambient, chilled and frozen
   * cabinets; and {@code firstAdmin} (may be null).
   */
  public static ReferenceData standard(CreateUser firstAdmin) {
    return new ReferenceData(
        List.of(new CreateDeviceType("Single", 1), new CreateDeviceType("Combo", 2),
            new CreateDeviceType("Bank", 3)),
        List.of(new CreateCabinetType("Ambient"), new CreateCabinetType("Chilled"),
            new CreateCabinetType("Frozen")),
        firstAdmin);
  }

  /** What a seeding run did: names created, updated and left as they were. */
  public record Report(List<String> created, List<String> updated, List<String> unchanged) {
    public Report {
      created = List.copyOf(created);
      updated = List.copyOf(updated);
      unchanged = List.copyOf(unchanged);
      Objects.requireNonNull(created);
    }

    /** Whether the run wrote anything (a run that did not adds no history). */
    public boolean changed() {
      return !created.isEmpty() || !updated.isEmpty();
    }
  }
}
