package dev.restock.core.planogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The slot a {@link SetSlot} or an update's {@link SlotSpec} makes, without a store. */
class SlotRulesTest {
  private static final Cabinet CABINET = new Cabinet(UUID.randomUUID(), 1, UUID.randomUUID(), 3, 3);
  private static final Product COLA = product("COLA", "1.00");
  private static final Product WATER = product("WATER", "0.90");
  private static final Slot A1 = new Slot(UUID.randomUUID(), "A1", COLA.id(), 10, 8, 6,
      new BigDecimal("1.10"));

  @Test
  void nullFieldsKeepTheSlotAsItIs() {
    Slot set = SlotRules.set(A1, new SetSlot("A1", null, null, 9, null, null), CABINET, null);

    assertThat(set).isEqualTo(new Slot(A1.id(), "A1", COLA.id(), 10, 9, 6,
        new BigDecimal("1.10")));
  }

  @Test
  void anotherProductStartsEmptyAtItsOwnPrice() {
    Slot set = SlotRules.set(A1, new SetSlot("A1", WATER.id(), null, null, null, null), CABINET,
        WATER);

    assertThat(set).isEqualTo(new Slot(A1.id(), "A1", WATER.id(), 10, 8, 0,
        new BigDecimal("0.90")));
  }

  @Test
  void theSameProductNamedAgainKeepsQuantityAndPrice() {
    Slot set = SlotRules.set(A1, new SetSlot("A1", COLA.id(), null, null, null, null), CABINET,
        COLA);

    assertThat(set).isEqualTo(A1);
  }

  @Test
  void aNewEmptySlotNeedsOnlyACapacity() {
    Slot set = SlotRules.set(null, new SetSlot("C3", null, 4, null, null, null), CABINET, null);

    assertThat(set).extracting(Slot::position, Slot::productId, Slot::capacity, Slot::parLevel,
        Slot::quantity, Slot::price).containsExactly("C3", null, 4, 0, 0, null);
  }

  @Test
  void everyProblemOfTheResultingSlotIsNamedAtOnce() {
    assertThat(fields(() -> SlotRules.set(null,
        new SetSlot("D1", UUID.randomUUID(), null, null, null, null), CABINET, null)))
        .containsExactlyInAnyOrder("position", "productId", "capacity", "parLevel");
    assertThat(fields(() -> SlotRules.set(A1,
        new SetSlot("A1", null, 5, null, null, null), CABINET, null)))
        .containsExactlyInAnyOrder("parLevel", "quantity");
    Slot empty = new Slot(UUID.randomUUID(), "B2", null, 5, 0, 0, null);
    assertThat(violations(() -> SlotRules.set(empty,
        new SetSlot("B2", null, null, 1, 2, BigDecimal.ONE), CABINET, null)))
        .containsExactlyInAnyOrder(
            new Violation("parLevel", "an empty slot holds nothing (was 1)"),
            new Violation("quantity", "an empty slot holds nothing (was 2)"),
            new Violation("price", "an empty slot has no price"));
  }

  @Test
  void anUpdateKeepsAnOmittedQuantityOnlyForTheSameProduct() {
    Checks checks = new Checks();
    List<Slot> slots = SlotRules.build(List.of(
            new SlotSpec("A1", COLA.id(), 10, 8, null, null),
            new SlotSpec("A2", WATER.id(), 10, 8, null, null)),
        CABINET, Map.of(COLA.id(), COLA, WATER.id(), WATER),
        List.of(A1, new Slot(UUID.randomUUID(), "A2", COLA.id(), 10, 8, 7, null)), "slots",
        checks);

    checks.throwIfAny();
    assertThat(slots).extracting(Slot::position, Slot::quantity)
        .containsExactly(tuple("A1", 6),
            tuple("A2", 0));
  }

  @Test
  void anUpdateRefusesAKeptQuantityAboveTheNewCapacity() {
    Checks checks = new Checks();
    SlotRules.build(List.of(new SlotSpec("A1", COLA.id(), 5, 5, null, null)), CABINET,
        Map.of(COLA.id(), COLA), List.of(A1), "slots", checks);

    assertThat(fields(checks::throwIfAny)).containsExactly("slots[0].quantity");
  }

  private static Product product(String sku, String price) {
    return new Product(UUID.randomUUID(), sku, sku, null, new BigDecimal(price), 6, true, 0,
        AuditStamp.NEW, null);
  }

  private static List<Violation> violations(Runnable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.violations();
  }

  private static List<String> fields(Runnable call) {
    return violations(call).stream().map(Violation::field).toList();
  }
}
