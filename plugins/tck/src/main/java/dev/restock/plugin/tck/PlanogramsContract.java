package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Visibility;
import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code Planograms} port: a planogram update matches slots by id, slot
 * updates leave the planogram alone, one active planogram per cabinet, and live slots holding a
 * product in device, cabinet and position order.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface PlanogramsContract extends StoreUnderTest {
  @Test
  default void aPlanogramUpdateMatchesSlotsByIdAndSlotUpdatesLeaveThePlanogramAlone() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    Planogram planogram = fixture.device(ref, "Alpha", 1, 5).planograms().get(0);
    Slot cola = planogram.slotAt("A1").orElseThrow();
    Slot water = planogram.slotAt("A2").orElseThrow();
    Slot added = new Slot(UUID.randomUUID(), "B1", ref.water().id(), 6, 4, 4, null);

    Planogram changed = write("planogram.update", () -> store().planograms().update(
        planogram.withSlots(List.of(cola.withQuantity(9), added))));

    assertThat(changed.slots()).extracting(Slot::position).containsExactly("A1", "B1");
    assertThat(kinds(AuditedType.SLOT, cola.id())).containsExactly(RevisionKind.CREATED,
        RevisionKind.MODIFIED);
    assertThat(kinds(AuditedType.SLOT, water.id())).containsExactly(RevisionKind.CREATED,
        RevisionKind.DELETED);
    assertThat(kinds(AuditedType.SLOT, added.id())).containsExactly(RevisionKind.CREATED);
    assertThat(read(() -> store().history().revisions(AuditedType.PLANOGRAM, planogram.id()))
        .get(1).state()).containsKey("slot[B1]");

    write("slot.update", () -> {
      store().planograms().updateSlots(List.of(changed.slotAt("A1").orElseThrow().withQuantity(3)));
      return null;
    });
    Planogram read = read(() -> store().planograms().find(planogram.id(), Visibility.LIVE))
        .orElseThrow();
    assertThat(read.slotAt("A1").orElseThrow().quantity()).isEqualTo(3);
    assertThat(read.version()).isEqualTo(changed.version());
    assertThat(read(() -> store().planograms().findSlots(List.of(cola.id(), water.id()))))
        .containsOnlyKeys(cola.id());
    assertThat(read(() -> store().planograms().findBySlotIds(List.of(added.id()))))
        .extracting(Planogram::id).containsExactly(planogram.id());

    assertThatThrownBy(() -> write("slot.update", () -> {
      store().planograms().updateSlots(List.of(read.slotAt("A1").orElseThrow().withQuantity(0),
          water.withQuantity(1)));
      return null;
    })).isInstanceOf(NotFoundException.class);
    assertThat(read(() -> store().planograms().findSlots(List.of(cola.id()))).get(cola.id())
        .quantity()).isEqualTo(3);

    assertThatThrownBy(() -> write("planogram.create", () -> store().planograms().add(
        new Planogram(UUID.randomUUID(), planogram.cabinetId(), "Second active", true, List.of(),
            0, AuditStamp.NEW, null)))).isInstanceOf(ConflictException.class);
    Planogram inactive = write("planogram.create", () -> store().planograms().add(
        new Planogram(UUID.randomUUID(), planogram.cabinetId(), "Draft", false, List.of(), 0,
            AuditStamp.NEW, null)));
    assertThat(read(() -> store().planograms().findActiveByCabinet(planogram.cabinetId()))
        .orElseThrow().id()).isEqualTo(planogram.id());
    assertThat(inactive.active()).isFalse();
  }

  @Test
  default void liveSlotsHoldingAProductAreOrderedByDeviceCabinetAndPosition() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice beta = fixture.device(ref, "Beta", 2, 5);
    StoreFixture.FleetDevice alpha = fixture.device(ref, "Alpha", 1, 5);

    assertThat(read(() -> store().planograms().liveSlotsHolding(ref.cola().id())))
        .extracting(l -> l.deviceName() + "#" + l.cabinetIndex() + "/" + l.position())
        .containsExactly("Alpha#1/A1", "Beta#1/A1", "Beta#2/A1");
    assertThat(read(() -> store().planograms().liveSlotsHolding(ref.cola().id())).get(0)
        .planogramId()).isEqualTo(alpha.planograms().get(0).id());
    assertThat(beta.planograms()).hasSize(2);
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }

  private List<RevisionKind> kinds(AuditedType type, UUID id) {
    return Kit.kinds(store(), type, id);
  }
}
