package dev.restock.web.api;

import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Devices with their cabinets, and planograms with their slots. */
@RestController
@Tag(name = "Devices and planograms", description = "Machines, cabinets, planograms, slots")
public class DeviceApi {
  private final ApiSupport api;

  DeviceApi(ApiSupport api) {
    this.api = api;
  }

  /** A cabinet of a new device: index 1-3, its type and grid. */
  public record CabinetBody(Integer index, UUID cabinetTypeId, Integer rows, Integer columns) {}

  /** A slot of a planogram. */
  public record SlotBody(String position, UUID productId, Integer capacity, Integer parLevel,
      Integer quantity, BigDecimal price) {}

  /** The planogram of one cabinet (by index) of a new device. */
  public record PlanogramBody(Integer cabinetIndex, String name, List<SlotBody> slots) {}

  /** A device to set up: the device, its cabinets and a planogram per cabinet. */
  public record DeviceBody(String name, String serialNumber, UUID locationId, UUID routeId,
      UUID deviceTypeId, List<CabinetBody> cabinets, List<PlanogramBody> planograms) {}

  /** A planogram's changes: a new name and/or the full list of its slots. */
  public record PlanogramChanges(String name, List<SlotBody> slots) {}

  /** One slot's changes at a position (see the engine's SetSlot for what null means). */
  public record SlotChanges(UUID productId, Integer capacity, Integer parLevel, Integer quantity,
      BigDecimal price) {}

  /** A page of live devices by name, each with its cabinets' active planograms. */
  @GetMapping("/api/devices")
  @Operation(summary = "List devices with their cabinets and active planograms")
  public Page<DeviceSetup> devices(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return api.session().devices().listWithPlanograms(ApiSupport.page(page, size));
  }

  /** One live device with its cabinets and their active planograms. */
  @GetMapping("/api/devices/{id}")
  @Operation(summary = "Get a device with its cabinets and active planograms")
  public DeviceSetup device(@PathVariable UUID id) {
    return api.session().devices().getWithPlanograms(id);
  }

  /** Sets up a device, its cabinets and their planograms in one unit of work: 201. */
  @PostMapping("/api/devices")
  @Operation(summary = "Set up a device with its cabinets and planograms")
  public ResponseEntity<DeviceSetup> setUp(@RequestBody DeviceBody body) {
    Commands c = new Commands();
    List<CabinetSpec> cabinets = new ArrayList<>();
    List<CabinetBody> given = body.cabinets() == null ? List.of() : body.cabinets();
    for (int i = 0; i < given.size(); i++) {
      CabinetBody b = given.get(i);
      if (b == null) {
        c.add("cabinets[" + i + "]", "is required");
        continue;
      }
      addIfBuilt(cabinets, c.part("cabinets[" + i + "]",
          () -> new CabinetSpec(b.index(), b.cabinetTypeId(), b.rows(), b.columns())));
    }
    List<CabinetPlanogram> planograms = new ArrayList<>();
    List<PlanogramBody> plans = body.planograms() == null ? List.of() : body.planograms();
    for (int i = 0; i < plans.size(); i++) {
      PlanogramBody p = plans.get(i);
      String prefix = "planograms[" + i + "]";
      if (p == null) {
        c.add(prefix, "is required");
        continue;
      }
      List<SlotSpec> slots = slots(c, prefix + ".slots", p.slots());
      addIfBuilt(planograms, c.part(prefix, () -> new CabinetPlanogram(p.cabinetIndex(),
          p.name(), slots)));
    }
    c.throwIfAny();
    CreateDevice device = c.part("", () -> new CreateDevice(body.name(), body.serialNumber(),
        body.locationId(), body.routeId(), body.deviceTypeId(), cabinets));
    c.throwIfAny();
    SetUpDevice command = new SetUpDevice(device, planograms);
    DeviceSetup setup = api.session().devices().setUp(command);
    return ApiSupport.created("/api/devices", setup.device().id(), setup);
  }

  /** A page of planograms. */
  @GetMapping("/api/planograms")
  @Operation(summary = "List planograms with their slots")
  public Page<Planogram> planograms(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return api.session().planograms().list(ApiSupport.page(page, size));
  }

  /** One live planogram with its slots. */
  @GetMapping("/api/planograms/{id}")
  @Operation(summary = "Get a planogram with its slots")
  public Planogram planogram(@PathVariable UUID id) {
    return api.session().planograms().get(id);
  }

  /** Renames a planogram and/or replaces its slots (slots kept by position keep their ids). */
  @PatchMapping("/api/planograms/{id}")
  @Operation(summary = "Update a planogram's name and slots")
  public Planogram updatePlanogram(@PathVariable UUID id, @RequestBody PlanogramChanges body) {
    Commands c = new Commands();
    List<SlotSpec> slots = body.slots() == null ? null : slots(c, "slots", body.slots());
    c.throwIfAny();
    UpdatePlanogram command = c.part("", () -> new UpdatePlanogram(body.name(), slots));
    c.throwIfAny();
    return api.session().planograms().update(id, command);
  }

  /** The active planogram of a cabinet. */
  @GetMapping("/api/cabinets/{cabinetId}/planogram")
  @Operation(summary = "Get the active planogram of a cabinet")
  public Planogram activePlanogram(@PathVariable UUID cabinetId) {
    return api.session().planograms().activeFor(cabinetId);
  }

  /** Sets one slot of a cabinet's active planogram; the other slots are untouched. */
  @PutMapping("/api/cabinets/{cabinetId}/planogram/slots/{position}")
  @Operation(summary = "Set one slot of a cabinet's active planogram")
  public Planogram setSlot(@PathVariable UUID cabinetId, @PathVariable String position,
      @RequestBody SlotChanges body) {
    SetSlot command = new SetSlot(position, body.productId(), body.capacity(), body.parLevel(),
        body.quantity(), body.price());
    return api.session().planograms().setSlot(cabinetId, command);
  }

  private static List<SlotSpec> slots(Commands c, String prefix, List<SlotBody> given) {
    List<SlotSpec> slots = new ArrayList<>();
    if (given == null) {
      return slots;
    }
    for (int i = 0; i < given.size(); i++) {
      SlotBody s = given.get(i);
      if (s == null) {
        c.add(prefix + "[" + i + "]", "is required");
        continue;
      }
      addIfBuilt(slots, c.part(prefix + "[" + i + "]", () -> new SlotSpec(s.position(),
          s.productId(), s.capacity(), s.parLevel(), s.quantity(), s.price())));
    }
    return slots;
  }

  /** Keeps the parts that were built; those that were not are reported by {@link Commands}. */
  private static <T> void addIfBuilt(List<T> parts, T part) {
    if (part != null) {
      parts.add(part);
    }
  }
}
