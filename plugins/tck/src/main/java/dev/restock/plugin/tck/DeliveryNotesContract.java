package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ConflictException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code DeliveryNotes} port: one note per order with a unique number,
 * found by criteria with their lines, newest first.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface DeliveryNotesContract extends StoreUnderTest {
  @Test
  default void deliveryNotesAreOnePerOrderWithUniqueNumbers() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 1, 5);
    ServiceOrder order = write("order.create", () -> store().serviceOrders().add(
        Kit.order("SO-1", ref, fleet, null)));
    ServiceOrder other = write("order.create", () -> store().serviceOrders().add(
        Kit.order("SO-2", ref, fleet, null)));
    DeliveryNote note = new DeliveryNote(UUID.randomUUID(), "DN-1", order.id(), "SO-1",
        Instant.parse("2026-01-05T08:00:00Z"), List.of(
            new DeliveryNoteLine(ref.water().id(), ref.water().sku(), 2),
            new DeliveryNoteLine(ref.cola().id(), ref.cola().sku(), 5)));

    DeliveryNote added = write("note.issue", () -> store().deliveryNotes().add(note));

    assertThat(read(() -> store().deliveryNotes().findByNumber("DN-1"))).contains(added);
    assertThat(read(() -> store().deliveryNotes().find(note.id()))).contains(added);
    assertThat(added.totalUnits()).isEqualTo(7);
    assertThatThrownBy(() -> write("note.issue", () -> store().deliveryNotes().add(
        new DeliveryNote(UUID.randomUUID(), "DN-2", order.id(), "SO-1", note.issuedAt(),
            List.of())))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> write("note.issue", () -> store().deliveryNotes().add(
        new DeliveryNote(UUID.randomUUID(), "DN-1", other.id(), "SO-2", note.issuedAt(),
            List.of())))).isInstanceOf(ConflictException.class);
    assertThat(read(() -> store().deliveryNotes().findByNumber("DN-2"))).isEmpty();
  }

  @Test
  default void deliveryNotesAreFoundByCriteriaWithTheirLinesNewestFirst() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference north = fixture.reference("N1");
    StoreFixture.Reference south = fixture.reference("S1");
    StoreFixture.FleetDevice northDevice = fixture.device(north, "Alpha", 1, 5);
    StoreFixture.FleetDevice southDevice = fixture.device(south, "Beta", 1, 5);
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    List<DeliveryNote> notes = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      boolean onNorth = i % 2 == 1;
      StoreFixture.Reference ref = onNorth ? north : south;
      String number = "SO-" + i;
      ServiceOrder order = write("order.create", () -> store().serviceOrders().add(
          Kit.order(number, ref, onNorth ? northDevice : southDevice, null)));
      DeliveryNote note = new DeliveryNote(UUID.randomUUID(), "DN-" + i, order.id(), number,
          monday.plus(Duration.ofDays(i)), List.of(
              new DeliveryNoteLine(ref.water().id(), ref.water().sku(), i),
              new DeliveryNoteLine(ref.cola().id(), ref.cola().sku(), 10 + i)));
      notes.add(write("note.issue", () -> store().deliveryNotes().add(note)));
    }

    Page<DeliveryNote> all = read(() -> store().deliveryNotes().find(
        SearchFields.DELIVERY_NOTE.check(Criteria.all()), PageRequest.of(0, 2)));
    assertThat(all.items()).extracting(DeliveryNote::number).containsExactly("DN-5", "DN-4");
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.pages()).isEqualTo(3);
    assertThat(all.items().get(0)).isEqualTo(notes.get(4));
    assertThat(all.items().get(0).lines()).extracting(DeliveryNoteLine::sku)
        .containsExactly("COLA-N1", "WATER-N1");

    Page<DeliveryNote> northNotes = read(() -> store().deliveryNotes().find(
        SearchFields.DELIVERY_NOTE.check(Criteria.where("routeId", Criteria.Operator.EQ,
            north.route().id().toString()).sortBy("number", Kit.ASCENDING)), PageRequest.of(0, 10)));
    assertThat(northNotes.items()).extracting(DeliveryNote::number)
        .containsExactly("DN-1", "DN-3", "DN-5");
    assertThat(northNotes.items()).allSatisfy(n -> assertThat(n.lines()).hasSize(2));

    Page<DeliveryNote> week = read(() -> store().deliveryNotes().find(
        SearchFields.DELIVERY_NOTE.check(Criteria.where("issuedAt", Criteria.Operator.BETWEEN,
            "2026-01-07T00:00:00Z", "2026-01-09T23:59:59Z")
            .and("orderNumber", Criteria.Operator.NE, "SO-3")), PageRequest.of(0, 10)));
    assertThat(week.items()).extracting(DeliveryNote::number).containsExactly("DN-4", "DN-2");

    assertThat(read(() -> store().deliveryNotes().find(SearchFields.DELIVERY_NOTE.check(
        Criteria.where("orderId", Criteria.Operator.IN, notes.get(0).orderId(),
            notes.get(1).orderId()).and("number", Criteria.Operator.STARTS_WITH, "dn-")),
        PageRequest.of(0, 10))).items()).extracting(DeliveryNote::number)
        .containsExactly("DN-2", "DN-1");
    assertThat(read(() -> store().deliveryNotes().find(SearchFields.DELIVERY_NOTE.check(
        Criteria.where("number", Criteria.Operator.EQ, "DN-9")), PageRequest.of(0, 10))))
        .satisfies(p -> {
          assertThat(p.items()).isEmpty();
          assertThat(p.total()).isZero();
        });
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
