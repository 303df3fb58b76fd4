package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SlotLocation;
import dev.restock.api.query.Visibility;
import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code Devices} port: devices read with their cabinets by id, serial
 * number, route and cabinet, a unique serial number, and the cascade of a device deletion
 * (cabinets, planograms, slots in one revision) that a restore undoes exactly.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface DevicesContract extends StoreUnderTest {
  @Test
  default void devicesAreReadWithTheirCabinetsByIdSerialRouteAndCabinet() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice b = fixture.device(ref, "Beta", 2, 5);
    StoreFixture.FleetDevice a = fixture.device(ref, "Alpha", 1, 5);
    Device beta = b.device();

    assertThat(beta.cabinets()).extracting(Cabinet::index).containsExactly(1, 2);
    assertThat(read(() -> store().devices().find(beta.id(), Visibility.LIVE))).contains(beta);
    assertThat(read(() -> store().devices().findBySerialNumber(beta.serialNumber())))
        .contains(beta);
    assertThat(read(() -> store().devices().listByRoute(ref.route().id())))
        .extracting(Device::name).containsExactly("Alpha", "Beta");
    assertThat(read(() -> store().devices().findByCabinet(beta.cabinets().get(1).id())))
        .contains(beta);
    assertThat(read(() -> store().planograms().findActiveByCabinets(List.of(
        a.device().cabinets().get(0).id(), beta.cabinets().get(0).id(),
        beta.cabinets().get(1).id())))).hasSize(3);

    Device renamed = write("device.update", () -> store().devices().update(new Device(beta.id(),
        "Beta 2", beta.serialNumber(), beta.locationId(), beta.routeId(), beta.deviceTypeId(),
        beta.cabinets(), beta.version(), beta.stamp(), null)));
    assertThat(renamed.cabinets()).isEqualTo(beta.cabinets());
    assertThat(renamed.version()).isGreaterThan(beta.version());
    assertThatThrownBy(() -> write("device.create", () -> store().devices().add(new Device(
        UUID.randomUUID(), "Copy", beta.serialNumber(), beta.locationId(), beta.routeId(),
        beta.deviceTypeId(), List.of(), 0, AuditStamp.NEW, null))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("serial");
  }

  @Test
  default void deletingADeviceTakesItsCabinetsPlanogramsAndSlotsInOneRevisionAndRestoreBringsBackExactlyThose() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 2, 5);
    Device device = fleet.device();
    Planogram first = fleet.planograms().get(0);
    Planogram second = fleet.planograms().get(1);
    // deleted on its own before the device: must stay deleted after the device's restore
    write("planogram.delete", () -> {
      store().planograms().softDelete(second.id());
      return null;
    });

    write("device.delete", () -> {
      store().devices().softDelete(device.id());
      return null;
    });

    long deletion = lastRevision(AuditedType.DEVICE, device.id(), RevisionKind.DELETED);
    assertThat(lastRevision(AuditedType.CABINET, device.cabinets().get(0).id(),
        RevisionKind.DELETED)).isEqualTo(deletion);
    assertThat(lastRevision(AuditedType.PLANOGRAM, first.id(), RevisionKind.DELETED))
        .isEqualTo(deletion);
    assertThat(lastRevision(AuditedType.SLOT, first.slots().get(0).id(), RevisionKind.DELETED))
        .isEqualTo(deletion);
    assertThat(read(() -> store().devices().find(device.id(), Visibility.LIVE))).isEmpty();
    // deleted children are not read: the deleted device comes without its cabinets
    assertThat(read(() -> store().devices().find(device.id(), Visibility.ONLY_DELETED))
        .orElseThrow().cabinets()).isEmpty();
    assertThat(read(() -> store().planograms().find(first.id(), Visibility.INCLUDE_DELETED))
        .orElseThrow().slots()).isEmpty();
    assertThat(read(() -> store().devices().findByCabinet(device.cabinets().get(0).id())))
        .isEmpty();
    assertThat(read(() -> store().planograms().findActiveByCabinet(device.cabinets().get(0).id())))
        .isEmpty();
    assertThat(read(() -> store().planograms().findSlots(List.of(first.slots().get(0).id()))))
        .isEmpty();
    assertThat(read(() -> store().planograms().liveSlotsHolding(ref.cola().id()))).isEmpty();

    write("device.restore", () -> store().devices().restore(device.id()));

    assertThat(read(() -> store().devices().find(device.id(), Visibility.LIVE)).orElseThrow()
        .cabinets()).hasSize(2);
    assertThat(read(() -> store().planograms().find(first.id(), Visibility.LIVE))
        .orElseThrow().slots()).hasSize(2);
    assertThat(read(() -> store().planograms().find(second.id(), Visibility.LIVE))).isEmpty();
    assertThat(read(() -> store().planograms().liveSlotsHolding(ref.cola().id())))
        .extracting(SlotLocation::slotId).containsExactly(first.slots().get(0).id());
    assertThat(read(() -> store().history().revisions(AuditedType.SLOT,
        first.slots().get(0).id()))).extracting(EntityRevision::kind)
        .containsExactly(RevisionKind.CREATED, RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(read(() -> store().history().verifyChain()).intact()).isTrue();
  }

  private long lastRevision(AuditedType type, UUID id, RevisionKind kind) {
    return read(() -> store().history().revisions(type, id)).stream()
        .filter(r -> r.kind() == kind).reduce((x, y) -> y).orElseThrow().info().number();
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
