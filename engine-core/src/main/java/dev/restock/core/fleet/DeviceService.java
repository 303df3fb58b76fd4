package dev.restock.core.fleet;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.fleet.port.in.DeviceManagement;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.core.planogram.PlanogramDrafts;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import dev.restock.core.usecase.References;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Device use cases, including setting up a device with its planograms in one call. */
public final class DeviceService extends CrudUseCase<Device, CreateDevice, UpdateDevice>
    implements DeviceManagement {

  public DeviceService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "device");
  }

  @Override
  protected Devices repository() {
    return store().devices();
  }

  @Override
  protected Device build(UUID id, CreateDevice c) {
    // command order is kept so that violation paths (cabinets[i]) point into the command
    List<Cabinet> cabinets = c.cabinets().stream()
        .map(s -> new Cabinet(UUID.randomUUID(), s.index(), s.cabinetTypeId(), s.rows(), s.columns()))
        .toList();
    return new Device(id, c.name(), c.serialNumber(), c.locationId(), c.routeId(),
        c.deviceTypeId(), cabinets, 0, AuditStamp.NEW, null);
  }

  @Override
  protected Device apply(Device d, UpdateDevice u) {
    UUID route = u.unassignRoute() ? null : pick(u.routeId(), d.routeId());
    return new Device(d.id(), pick(u.name(), d.name()), pick(u.serialNumber(), d.serialNumber()),
        pick(u.locationId(), d.locationId()), route, d.deviceTypeId(), d.cabinets(), d.version(),
        d.stamp(), d.deletedAt());
  }

  @Override
  protected void check(Device candidate, Checks checks) {
    check(candidate, "", checks);
  }

  private void check(Device d, String prefix, Checks checks) {
    References.live(store().locations(), d.locationId(), prefix + "locationId", "location", checks);
    References.live(store().routes(), d.routeId(), prefix + "routeId", "route", checks);
    if (d.version() == 0) {
      checkCabinets(d, prefix, checks);
    }
    References.unique(repository().findBySerialNumber(d.serialNumber()), d.id(), "device",
        "serialNumber", d.serialNumber());
  }

  private void checkCabinets(Device d, String prefix, Checks checks) {
    Optional<DeviceType> type = References.live(store().deviceTypes(), d.deviceTypeId(),
        prefix + "deviceTypeId", "device type", checks);
    if (type.isPresent()) {
      int max = type.get().maxCabinets();
      checks.check(d.cabinets().size() <= max, prefix + "cabinets", "device type "
          + type.get().name() + " takes at most " + max + " cabinet(s), got " + d.cabinets().size());
      for (int i = 0; i < d.cabinets().size(); i++) {
        int index = d.cabinets().get(i).index();
        checks.check(index <= max, prefix + "cabinets[" + i + "].index",
            "cabinet index " + index + " exceeds the device type's " + max + " cabinet(s)");
      }
    }
    for (int i = 0; i < d.cabinets().size(); i++) {
      References.live(store().cabinetTypes(), d.cabinets().get(i).cabinetTypeId(),
          prefix + "cabinets[" + i + "].cabinetTypeId", "cabinet type", checks);
    }
  }

  @Override
  public Device getBySerialNumber(String serialNumber) {
    Objects.requireNonNull(serialNumber, "serialNumber");
    return read(() -> repository().findBySerialNumber(serialNumber.strip())
        .orElseThrow(() -> new NotFoundException("device", serialNumber)));
  }

  @Override
  public List<Device> listByRoute(UUID routeId) {
    Objects.requireNonNull(routeId, "routeId");
    return read(() -> {
      store().routes().find(routeId, Visibility.LIVE)
          .orElseThrow(() -> new NotFoundException("route", routeId));
      return repository().listByRoute(routeId);
    });
  }

  @Override
  public DeviceSetup getWithPlanograms(UUID id) {
    Objects.requireNonNull(id, "id");
    return read(() -> withPlanograms(List.of(repository().find(id, Visibility.LIVE)
        .orElseThrow(() -> new NotFoundException("device", id)))).get(0));
  }

  @Override
  public Page<DeviceSetup> listWithPlanograms(
      PageRequest request) {
    Objects.requireNonNull(request, "request");
    return read(() -> {
      Page<Device> page = repository().list(request, Visibility.LIVE);
      List<DeviceSetup> setups = withPlanograms(page.items());
      return new Page<>(setups, page.page(), page.size(), page.total());
    });
  }

  /** The devices with their cabinets' active planograms, read in one call for all of them. */
  private List<DeviceSetup> withPlanograms(List<Device> devices) {
    List<UUID> cabinets = devices.stream().flatMap(d -> d.cabinets().stream())
        .map(Cabinet::id).toList();
    Map<UUID, Planogram> byCabinet = new HashMap<>();
    if (!cabinets.isEmpty()) {
      store().planograms().findActiveByCabinets(cabinets)
          .forEach(p -> byCabinet.put(p.cabinetId(), p));
    }
    return devices.stream().map(d -> new DeviceSetup(d, d.cabinets().stream()
        .map(c -> byCabinet.get(c.id())).filter(Objects::nonNull).toList())).toList();
  }

  @Override
  public DeviceSetup setUp(SetUpDevice command) {
    Objects.requireNonNull(command, "command");
    return write("device.set-up", () -> {
      Device device = build(UUID.randomUUID(), command.device());
      Checks checks = new Checks();
      check(device, "device.", checks);
      List<Planogram> planograms = new ArrayList<>();
      for (int i = 0; i < command.planograms().size(); i++) {
        CabinetPlanogram p = command.planograms().get(i);
        Cabinet cabinet = device.cabinet(p.cabinetIndex()).orElseThrow();
        planograms.add(PlanogramDrafts.build(store(), UUID.randomUUID(), cabinet, p.name(), p.slots(),
            "planograms[" + i + "].slots", checks));
      }
      checks.throwIfAny();
      Device stored = repository().add(device);
      List<Planogram> storedPlanograms = planograms.stream()
          .map(p -> PlanogramDrafts.activate(store(), p)).toList();
      return new DeviceSetup(stored, storedPlanograms);
    });
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.DEVICE;
  }
}
