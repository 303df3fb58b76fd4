package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code SalesLedger} port: sales appended, summed per slot since a
 * time, rolled back with their unit, and found by criteria newest first even after their device
 * and product are deleted.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface SalesLedgerContract extends StoreUnderTest {
  @Test
  default void salesAreAppendedSummedPerSlotSinceATimeAndRolledBackWithTheirUnit() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    Planogram p = fixture.device(ref, "Alpha", 1, 5).planograms().get(0);
    UUID a1 = p.slotAt("A1").orElseThrow().id();
    UUID a2 = p.slotAt("A2").orElseThrow().id();
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    write("sales.record", () -> {
      store().sales().append(List.of(
          sale(a1, ref.cola().id(), 2, monday),
          sale(a1, ref.cola().id(), 1, monday.plusSeconds(86_400)),
          sale(a2, ref.water().id(), 4, monday.plusSeconds(2 * 86_400))));
      return null;
    });
    assertThatThrownBy(() -> write("sales.record", () -> {
      store().sales().append(List.of(sale(a1, ref.cola().id(), 9, monday.plusSeconds(3_600))));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    assertThat(read(() -> store().sales().forSlot(a1))).extracting(SaleRecord::units)
        .containsExactly(2, 1);
    assertThat(read(() -> store().sales().unitsSoldSince(List.of(a1, a2), monday)))
        .containsEntry(a1, 3).containsEntry(a2, 4);
    assertThat(read(() -> store().sales().unitsSoldSince(List.of(a1, a2),
        monday.plusSeconds(86_400)))).containsEntry(a1, 1).containsEntry(a2, 4);
    assertThat(read(() -> store().sales().unitsSoldSince(List.of(a1),
        monday.plusSeconds(5 * 86_400)))).isEmpty();
  }

  @Test
  default void salesAreFoundByCriteriaNewestFirstEvenAfterTheirDeviceIsDeleted() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference north = fixture.reference("N1");
    StoreFixture.Reference south = fixture.reference("S1");
    StoreFixture.FleetDevice alpha = fixture.device(north, "Alpha", 1, 5);
    StoreFixture.FleetDevice beta = fixture.device(south, "Beta", 1, 5);
    UUID alphaCola = alpha.planograms().get(0).slotAt("A1").orElseThrow().id();
    UUID alphaWater = alpha.planograms().get(0).slotAt("A2").orElseThrow().id();
    UUID betaCola = beta.planograms().get(0).slotAt("A1").orElseThrow().id();
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    List<SaleRecord> sales = List.of(
        sale(alphaCola, north.cola().id(), 2, monday),
        sale(alphaWater, north.water().id(), 4, monday.plusSeconds(86_400)),
        sale(betaCola, south.cola().id(), 1, monday.plusSeconds(86_400)),
        sale(alphaCola, north.cola().id(), 3, monday.plusSeconds(2 * 86_400)));
    write("sales.record", () -> {
      store().sales().append(sales.subList(0, 3));
      return null;
    });
    write("sales.record", () -> {
      store().sales().append(sales.subList(3, 4));
      return null;
    });
    assertThatThrownBy(() -> write("sales.record", () -> {
      store().sales().append(List.of(sale(betaCola, south.cola().id(), 9, monday.plusSeconds(60))));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    Page<SaleRecord> all = read(() -> store().sales().find(SearchFields.SALE.check(Criteria.all()),
        PageRequest.of(0, 3)));
    // newest first; the two sales of Tuesday in the reverse of the order they were appended
    assertThat(all.items()).containsExactly(sales.get(3), sales.get(2), sales.get(1));
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.pages()).isEqualTo(2);

    write("device.delete", () -> {
      store().devices().softDelete(alpha.device().id());
      store().products().softDelete(north.water().id());
      return null;
    });
    assertThat(salesFound(Criteria.where("routeId", Criteria.Operator.EQ,
        north.route().id().toString()).sortBy("units", Kit.DESCENDING))).containsExactly(sales.get(1),
        sales.get(3), sales.get(0));
    assertThat(salesFound(Criteria.where("deviceId", Criteria.Operator.EQ,
        beta.device().id().toString()))).containsExactly(sales.get(2));
    assertThat(salesFound(Criteria.where("sku", Criteria.Operator.STARTS_WITH, "water-")))
        .containsExactly(sales.get(1));
    assertThat(salesFound(Criteria.where("sku", Criteria.Operator.IN, "COLA-N1", "COLA-S1")
        .and("units", Criteria.Operator.GE, "2").sortBy("sku", Kit.DESCENDING).sortBy("recordedAt", Kit.ASCENDING)))
        .containsExactly(sales.get(0), sales.get(3));
    assertThat(salesFound(Criteria.where("recordedAt", Criteria.Operator.BETWEEN,
        "2026-01-06T00:00:00Z", "2026-01-06T23:59:59Z").and("slotId", Criteria.Operator.NE,
        alphaWater.toString()))).containsExactly(sales.get(2));
    assertThat(salesFound(Criteria.where("productId", Criteria.Operator.EQ,
        north.cola().id().toString()).and("recordedBy", Criteria.Operator.EQ,
        Actor.SYSTEM_ID.toString()).and("units", Criteria.Operator.LT, 3)))
        .containsExactly(sales.get(0));
    assertThat(read(() -> store().sales().find(SearchFields.SALE.check(Criteria.where("units",
        Criteria.Operator.GT, 9)), PageRequest.of(0, 10)))).satisfies(p -> {
          assertThat(p.items()).isEmpty();
          assertThat(p.total()).isZero();
        });
  }

  private List<SaleRecord> salesFound(Criteria criteria) {
    return read(() -> store().sales().find(SearchFields.SALE.check(criteria),
        PageRequest.of(0, 10))).items();
  }

  private static SaleRecord sale(UUID slot, UUID product, int units, Instant at) {
    return new SaleRecord(UUID.randomUUID(), slot, product, units, 10, 10 - units, at,
        Actor.SYSTEM_ID);
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
