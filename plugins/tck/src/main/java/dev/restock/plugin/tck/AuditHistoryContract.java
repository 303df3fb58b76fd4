package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.Product;
import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of history through the {@code AuditHistory} port: revisions with who, what
 * and why for create, update, delete and restore, the latest deletions of many entities, the state
 * of an entity and of a device at a time, and the changes of an actor.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface AuditHistoryContract extends StoreUnderTest {
  @Test
  default void historyRecordsCreateUpdateDeleteAndRestoreAsRevisions() {
    Product cola = add("COLA", "Cola", "1.00");
    write("product.update", () -> store().products().update(new Product(cola.id(), "COLA", "Cola",
        "Drinks", new BigDecimal("1.20"), 6, true, cola.version(), cola.stamp(), null)));
    write("product.delete", () -> {
      store().products().softDelete(cola.id());
      return null;
    });
    write("product.restore", () -> store().products().restore(cola.id()));

    List<EntityRevision> revisions = read(() -> store().history().revisions(AuditedType.PRODUCT,
        cola.id()));
    assertThat(revisions).extracting(EntityRevision::kind).containsExactly(RevisionKind.CREATED,
        RevisionKind.MODIFIED, RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(revisions).extracting(r -> r.info().action())
        .containsExactly("product.create", "product.update", "product.delete", "product.restore");
    assertThat(revisions.get(1).state().get("price")).startsWith("1.2");
    assertThat(read(() -> store().history().revisions(AuditedType.PRODUCT, UUID.randomUUID())))
        .isEmpty();
  }

  @Test
  default void theLatestDeletionOfManyEntitiesIsReadAtOnce() {
    Product cola = add("COLA", "Cola", "1");
    Product tea = add("TEA", "Tea", "1");
    Product kept = add("MILK", "Milk", "1");
    write("product.delete", () -> {
      store().products().softDelete(cola.id());
      return null;
    });
    write("product.restore", () -> store().products().restore(cola.id()));
    store().transactions().write(new AuditContext(Actor.system().withReason("second time"),
        "product.delete"), () -> {
          store().products().softDelete(cola.id());
          store().products().softDelete(tea.id());
          return null;
        });

    Map<UUID, RevisionInfo> deletions = read(() -> store().history().lastDeletions(
        AuditedType.PRODUCT, List.of(cola.id(), tea.id(), kept.id(), UUID.randomUUID())));

    assertThat(deletions).containsOnlyKeys(cola.id(), tea.id());
    assertThat(deletions.get(cola.id()).reason()).isEqualTo("second time");
    assertThat(deletions.get(cola.id()).number()).isEqualTo(deletions.get(tea.id()).number());
    assertThat(read(() -> store().history().lastDeletions(AuditedType.PRODUCT, List.of())))
        .isEmpty();
  }

  @Test
  default void historyAnswersStateAtATimeDeviceAtATimeAndChangesByAnActor() {
    UUID ann = UUID.randomUUID();
    StoreFixture fixture = new StoreFixture(store(), new AuditContext(Actor.user(ann),
        "fixture"));
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 2, 5);
    // no sleeping: the instant between the fixture and the rename is one the store's clock has
    // passed after the fixture's last revision, read back, and before the rename was written
    List<EntityRevision> deviceRevisions = read(() -> store().history().revisions(
        AuditedType.DEVICE, fleet.device().id()));
    Instant beforeRename = Kit.clockPast(deviceRevisions.get(deviceRevisions.size() - 1).info()
        .at());
    Kit.clockPast(beforeRename);
    Product cola = ref.cola();
    write("product.update", () -> store().products().update(new Product(cola.id(), cola.sku(),
        "Cola Zero", cola.category(), cola.price(), cola.casePack(), true, cola.version(),
        cola.stamp(), null)));
    write("device.delete", () -> {
      store().devices().softDelete(fleet.device().id());
      return null;
    });

    assertThat(read(() -> store().history().stateAt(AuditedType.PRODUCT, cola.id(), beforeRename))
        .orElseThrow().state()).containsEntry("name", "Cola");
    assertThat(read(() -> store().history().stateAt(AuditedType.PRODUCT, cola.id(),
        Kit.LATER)).orElseThrow().state()).containsEntry("name", "Cola Zero");
    assertThat(read(() -> store().history().stateAt(AuditedType.PRODUCT, cola.id(),
        Instant.EPOCH))).isEmpty();

    DeviceSnapshot then = read(() -> store().history().deviceAt(fleet.device().id(), beforeRename))
        .orElseThrow();
    assertThat(then.device()).containsEntry("name", "Alpha");
    assertThat(then.cabinets()).hasSize(2);
    assertThat(then.cabinets().get(0).planograms()).hasSize(1);
    assertThat(then.cabinets().get(0).planograms().get(0).slots())
        .extracting(s -> s.get("position")).containsExactly("A1", "A2");
    assertThat(read(() -> store().history().deviceAt(fleet.device().id(),
        Kit.LATER))).isEmpty();

    List<EntityChange> byAnn = read(() -> store().history().changesBy(ann, Instant.EPOCH,
        Kit.LATER));
    assertThat(byAnn).extracting(EntityChange::type).contains(AuditedType.ROUTE,
        AuditedType.DEVICE, AuditedType.CABINET, AuditedType.PLANOGRAM, AuditedType.SLOT);
    assertThat(byAnn).allMatch(c -> c.info().actorId().equals(ann));
    assertThat(read(() -> store().history().changesBy(ann, beforeRename,
        Kit.LATER))).isEmpty();
    assertThat(read(() -> store().history().verifyChain())).satisfies(v -> {
      assertThat(v.intact()).isTrue();
      assertThat(v.checked()).isGreaterThanOrEqualTo(4);
    });
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }

  private Product add(String sku, String name, String price) {
    return Kit.add(store(), sku, name, price);
  }
}
