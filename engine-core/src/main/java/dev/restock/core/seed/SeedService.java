package dev.restock.core.seed;

import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.seed.ReferenceData;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import dev.restock.core.user.Administrators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seeds reference data in dependency order as the system actor. First reads what is there; only
 * when something is missing or different does it open a write, so a repeated run adds no history.
 */
public final class SeedService extends UseCase {

  public SeedService(CoreContext ctx) {
    super(ctx, Actor.system().withReason("reference data"));
  }

  public ReferenceData.Report seed(ReferenceData data) {
    Objects.requireNonNull(data, "data");
    ReferenceData.Report plan = read(() -> plan(data, false));
    if (!plan.changed()) {
      return plan;
    }
    return write("reference-data.seed", () -> plan(data, true));
  }

  /** Compares {@code data} with the store; with {@code apply}, makes the changes. */
  private ReferenceData.Report plan(ReferenceData data, boolean apply) {
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, DeviceType> deviceTypes = store().deviceTypes()
        .list(PageRequest.of(0, 1000), Visibility.LIVE).items().stream()
        .collect(Collectors.toMap(DeviceType::name, Function.identity(), (a, b) -> a));
    for (CreateDeviceType wanted : data.deviceTypes()) {
      DeviceType existing = deviceTypes.get(wanted.name());
      String label = "device type " + wanted.name();
      if (existing == null) {
        created.add(label);
        if (apply) {
          store().deviceTypes().add(new DeviceType(UUID.randomUUID(), wanted.name(),
              wanted.maxCabinets(), 0, AuditStamp.NEW, null));
        }
      } else if (existing.maxCabinets() != wanted.maxCabinets()) {
        updated.add(label);
        if (apply) {
          store().deviceTypes().update(new DeviceType(existing.id(), existing.name(),
              wanted.maxCabinets(), existing.version(), existing.stamp(), null));
        }
      } else {
        unchanged.add(label);
      }
    }
    Map<String, CabinetType> cabinetTypes = store().cabinetTypes()
        .list(PageRequest.of(0, 1000), Visibility.LIVE).items().stream()
        .collect(Collectors.toMap(CabinetType::name, Function.identity(), (a, b) -> a));
    for (CreateCabinetType wanted : data.cabinetTypes()) {
      String label = "cabinet type " + wanted.name();
      if (cabinetTypes.containsKey(wanted.name())) {
        unchanged.add(label);
      } else {
        created.add(label);
        if (apply) {
          store().cabinetTypes().add(new CabinetType(UUID.randomUUID(), wanted.name(), 0,
              AuditStamp.NEW, null));
        }
      }
    }
    if (data.firstAdmin() != null) {
      String label = "administrator " + data.firstAdmin().username();
      if (apply) {
        // a concurrent seed may have added the administrator since the read-only plan
        Administrators.lock(store());
      }
      if (store().users().findFirstActive(Role.ADMIN).isPresent()) {
        unchanged.add(label);
      } else {
        created.add(label);
        if (apply) {
          Administrators.requireBootstrap(store(), "reference-data.seed");
          store().users().add(new User(UUID.randomUUID(), data.firstAdmin().username(),
              data.firstAdmin().email(), Role.ADMIN, true, 0, AuditStamp.NEW, null));
        }
      }
    }
    return new ReferenceData.Report(created, updated, unchanged);
  }
}
