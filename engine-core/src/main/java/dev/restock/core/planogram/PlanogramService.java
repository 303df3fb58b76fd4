package dev.restock.core.planogram;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.planogram.port.in.PlanogramManagement;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.api.query.Visibility;
import dev.restock.api.validation.Checks;
import dev.restock.api.spi.Store;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.AggregateUseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Planogram use cases. Creating a planogram makes it the cabinet's active one and deactivates the
 * previous one in the same unit of work; slot rules need the cabinet's grid and the products, so
 * create and update check while they build.
 */
public final class PlanogramService extends AggregateUseCase<Planogram>
    implements PlanogramManagement {

  public PlanogramService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "planogram");
  }

  @Override
  protected Planograms repository() {
    return store().planograms();
  }

  @Override
  public Planogram create(CreatePlanogram command) {
    Objects.requireNonNull(command, "command");
    return write("planogram.create", () -> {
      Checks checks = new Checks();
      Optional<Cabinet> cabinet = liveCabinet(store(), command.cabinetId());
      checks.check(cabinet.isPresent(), "cabinetId",
          "no cabinet of a live device with id " + command.cabinetId());
      checks.throwIfAny();
      Planogram planogram = PlanogramDrafts.build(store(), UUID.randomUUID(), cabinet.get(),
          command.name(), command.slots(), "slots", checks);
      checks.throwIfAny();
      return PlanogramDrafts.activate(store(), planogram);
    });
  }

  @Override
  public Planogram update(UUID id, UpdatePlanogram command) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(command, "command");
    if (command.slots() == null) {
      // a rename to the current name (or an empty command) changes nothing: write nothing
      Planogram current = read(() -> {
        authorize("planogram.update");
        return live(id);
      });
      if (command.name() == null || command.name().equals(current.name())) {
        return current;
      }
    }
    return write("planogram.update", () -> {
      Planogram current = live(id);
      var slots = current.slots();
      Checks checks = new Checks();
      if (command.slots() != null) {
        Cabinet cabinet = liveCabinet(store(), current.cabinetId())
            .orElseThrow(() -> new NotFoundException("cabinet", current.cabinetId()));
        slots = SlotRules.build(command.slots(), cabinet,
            SlotRules.products(store(), command.slots()), current.slots(), "slots", checks);
      }
      checks.throwIfAny();
      return repository().update(new Planogram(current.id(), current.cabinetId(),
          command.name() != null ? command.name() : current.name(), current.active(), slots,
          current.version(), current.stamp(), current.deletedAt()));
    });
  }

  @Override
  public Planogram activeFor(UUID cabinetId) {
    Objects.requireNonNull(cabinetId, "cabinetId");
    return read(() -> active(cabinetId));
  }

  /**
   * Checked in a read-only unit first, so a refused or empty change writes nothing (no revision,
   * no event); then applied to the planogram as read again in the write unit, which a concurrent
   * change makes run again whole.
   */
  @Override
  public Planogram setSlot(UUID cabinetId, SetSlot command) {
    Objects.requireNonNull(cabinetId, "cabinetId");
    Objects.requireNonNull(command, "command");
    String action = "planogram.update";
    Planogram unchanged = read(() -> {
      authorize(action);
      Planogram current = active(cabinetId);
      return withSlotSet(current, command) == current ? current : null;
    });
    if (unchanged != null) {
      return unchanged;
    }
    return write(action, () -> {
      Planogram current = active(cabinetId);
      Planogram changed = withSlotSet(current, command);
      return changed == current ? current : repository().update(changed);
    });
  }

  /** {@code current} with the command's slot set; {@code current} itself when nothing changes. */
  private Planogram withSlotSet(Planogram current, SetSlot command) {
    Cabinet cabinet = liveCabinet(store(), current.cabinetId())
        .orElseThrow(() -> new NotFoundException("cabinet", current.cabinetId()));
    Product product = command.productId() == null ? null
        : store().products().find(command.productId(), Visibility.LIVE).orElse(null);
    Optional<Slot> existing = current.slotAt(command.position());
    Slot slot = SlotRules.set(existing.orElse(null), command, cabinet, product);
    if (existing.isPresent() && existing.get().equals(slot)) {
      return current;
    }
    List<Slot> slots = new ArrayList<>(current.slots());
    existing.ifPresent(slots::remove);
    slots.add(slot);
    slots.sort(SlotRules.BY_POSITION);
    return current.withSlots(slots);
  }

  private Planogram active(UUID cabinetId) {
    return repository().findActiveByCabinet(cabinetId)
        .orElseThrow(() -> new NotFoundException("active planogram of cabinet", cabinetId));
  }

  private static Optional<Cabinet> liveCabinet(Store store, UUID cabinetId) {
    return store.devices().findByCabinet(cabinetId).flatMap(d -> d.cabinets().stream()
        .filter(c -> c.id().equals(cabinetId)).findFirst());
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.PLANOGRAM;
  }
}
