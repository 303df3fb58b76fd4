package dev.restock.jpa.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.Product;
import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restore is a revision of its own even when it is stamped in the same millisecond as the
 * entity's last change: the clock here stands still, which is what a fast machine does between a
 * create, a delete and a restore. Before the fix the restore left the entity unchanged in
 * Hibernate's eyes, Envers wrote nothing, and history ended at the deletion while the row was
 * live (a live drift after normal use, seen in CI on H2).
 */
abstract class RestoreRevisionContract {
  private static final Clock STILL = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"),
      ZoneOffset.UTC);
  private FreshDatabase db;
  private Store store;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    db = database().fresh();
    store = JpaStore.open(db.config().withClock(STILL));
  }

  @AfterEach
  void close() {
    store.close();
    db.close();
  }

  @Test
  void aRestoreInTheSameMillisecondAsTheLastChangeIsStillARevision() {
    StoreFixture fixture = new StoreFixture(store);
    Product chips = fixture.write(() -> store.products().add(new Product(UUID.randomUUID(),
        "CHIPS", "Chips", "Snacks", new BigDecimal("1.20"), 12, true, 0, AuditStamp.NEW, null)));
    fixture.write(() -> {
      store.products().softDelete(chips.id());
      return null;
    });
    Product restored = fixture.write(() -> store.products().restore(chips.id()));

    List<EntityRevision> revisions = store.transactions().read(
        () -> store.history().revisions(AuditedType.PRODUCT, chips.id()));
    assertThat(revisions).extracting(EntityRevision::kind).containsExactly(RevisionKind.CREATED,
        RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(restored.stamp().updatedAt()).isAfterOrEqualTo(chips.stamp().updatedAt());
    assertThat(store.transactions().read(() -> store.history().liveDrift())).isEmpty();
    assertThat(store.transactions().read(() -> store.history().verifyChain()).intact()).isTrue();
  }

  @Test
  void aDeviceRestoredTwiceInOneMillisecondGivesEachPartARevisionPerRestore() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.FleetDevice fleet = fixture.device(fixture.reference("R1"), "D1", 1, 5);
    UUID device = fleet.device().id();
    for (int i = 0; i < 2; i++) {
      fixture.write(() -> {
        store.devices().softDelete(device);
        return null;
      });
      fixture.write(() -> store.devices().restore(device));
    }

    List<RevisionKind> twice = List.of(RevisionKind.CREATED, RevisionKind.DELETED,
        RevisionKind.MODIFIED, RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(kinds(AuditedType.DEVICE, device)).isEqualTo(twice);
    assertThat(kinds(AuditedType.CABINET, fleet.device().cabinets().get(0).id())).isEqualTo(twice);
    assertThat(kinds(AuditedType.PLANOGRAM, fleet.planograms().get(0).id())).isEqualTo(twice);
    assertThat(kinds(AuditedType.SLOT, fleet.planograms().get(0).slots().get(0).id()))
        .isEqualTo(twice);
    assertThat(store.transactions().read(() -> store.history().liveDrift())).isEmpty();
  }

  private List<RevisionKind> kinds(AuditedType type, UUID id) {
    return store.transactions().read(() -> store.history().revisions(type, id)).stream()
        .map(EntityRevision::kind).toList();
  }
}
