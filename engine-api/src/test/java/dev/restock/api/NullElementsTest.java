package dev.restock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Command records that take a list or a map refuse a null element, key or value with a {@link
 * ValidationException} naming its path ({@code cabinetIds[2]: is required}), together with the
 * command's other violations, never with a {@link NullPointerException}.
 */
class NullElementsTest {
  private static final UUID TYPE = UUID.randomUUID();
  private static final SlotSpec A1 = new SlotSpec("A1", null, 5, 0, 0, null);

  /** The violations as {@code field: message}, in the order found. */
  private static List<String> violations(Runnable construction) {
    Throwable thrown = catchThrowable(construction::run);
    assertThat(thrown).as("expected a ValidationException").isInstanceOf(ValidationException.class);
    return ((ValidationException) thrown).violations().stream().map(Violation::toString).toList();
  }

  private static String required(String field) {
    return new Violation(field, "is required").toString();
  }

  @Test
  void aDeliveryWithoutUnitsIsNamedBySlotWithTheOtherProblems() {
    UUID missing = UUID.randomUUID();
    UUID tooMany = UUID.randomUUID();
    UUID fine = UUID.randomUUID();
    Map<UUID, Integer> delivered = new LinkedHashMap<>();
    delivered.put(fine, 3);
    delivered.put(missing, null);
    delivered.put(tooMany, 1000);

    List<String> v = violations(() -> new CompleteVisit(delivered, false, "bad\rnotes"));

    assertThat(v).hasSize(3).contains(required("delivered[" + missing + "]"))
        .anyMatch(s -> s.startsWith("notes: "))
        .anyMatch(s -> s.startsWith("delivered[" + tooMany + "]: must be between 0 and 999"));
  }

  @Test
  void aDeliveryWithoutASlotIdIsRefusedByName() {
    Map<UUID, Integer> delivered = new HashMap<>();
    delivered.put(null, 2);
    delivered.put(UUID.randomUUID(), 1);

    assertThat(violations(() -> new CompleteVisit(delivered, true, null, true)))
        .containsExactly("delivered[null]: a slot id is required");
    Map<UUID, Integer> neither = new HashMap<>();
    neither.put(null, null);
    assertThat(violations(() -> new CompleteVisit(neither, false, null)))
        .containsExactly("delivered[null]: a slot id is required");
  }

  @Test
  void aValidDeliveryIsStillCopied() {
    UUID slot = UUID.randomUUID();
    Map<UUID, Integer> delivered = new HashMap<>(Map.of(slot, 4));
    CompleteVisit command = new CompleteVisit(delivered, false, null);
    delivered.put(UUID.randomUUID(), 1);

    assertThat(command.delivered()).containsExactly(Map.entry(slot, 4));
    assertThatThrownBy(() -> command.delivered().put(slot, 5))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullCabinetIdIsNamedByIndexNotTakenForADuplicate() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();

    assertThat(violations(() -> new CreateServiceOrder(UUID.randomUUID(),
        Arrays.asList(a, b, null), null, null, null)))
        .containsExactly(required("cabinetIds[2]"));
    assertThat(violations(() -> new CreateServiceOrder(null,
        Arrays.asList(a, null, a, null), "", null, null)))
        .containsExactly(required("routeId"), "visitPolicyId: must not be empty",
            required("cabinetIds[1]"), required("cabinetIds[3]"),
            "cabinetIds[2]: cabinet " + a + " is selected twice");
  }

  @Test
  void aValidCabinetSelectionIsStillCopied() {
    UUID a = UUID.randomUUID();
    List<UUID> ids = new ArrayList<>(List.of(a));
    CreateServiceOrder command = new CreateServiceOrder(UUID.randomUUID(), ids, null, null, null);
    ids.add(UUID.randomUUID());

    assertThat(command.cabinetIds()).containsExactly(a);
    assertThatThrownBy(() -> command.cabinetIds().add(a))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullSlotIsNamedByIndexInEveryPlanogramCommand() {
    List<SlotSpec> slots = Arrays.asList(A1, null, A1);

    assertThat(violations(() -> new CabinetPlanogram(4, "P", slots)))
        .containsExactly("cabinetIndex: must be between 1 and 3 (was 4)", required("slots[1]"),
            "slots[2].position: duplicate position A1");
    assertThat(violations(() -> new CreatePlanogram(null, "P", slots)))
        .containsExactly(required("cabinetId"), required("slots[1]"),
            "slots[2].position: duplicate position A1");
    assertThat(violations(() -> new UpdatePlanogram(" ", slots)))
        .containsExactly("name: must not be empty", required("slots[1]"),
            "slots[2].position: duplicate position A1");
    assertThat(violations(() -> new UpdatePlanogram(null, Arrays.asList((SlotSpec) null))))
        .containsExactly(required("slots[0]"));
  }

  @Test
  void aValidSlotListIsStillCopied() {
    List<SlotSpec> slots = new ArrayList<>(List.of(A1));
    CreatePlanogram create = new CreatePlanogram(UUID.randomUUID(), "P", slots);
    UpdatePlanogram update = new UpdatePlanogram(null, slots);
    CabinetPlanogram cabinet = new CabinetPlanogram(1, "P", slots);
    slots.clear();

    assertThat(create.slots()).containsExactly(A1);
    assertThat(update.slots()).containsExactly(A1);
    assertThat(cabinet.slots()).containsExactly(A1);
    assertThatThrownBy(() -> create.slots().add(A1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new UpdatePlanogram("P", null).slots()).isNull();
  }

  @Test
  void aNullCabinetIsNamedByIndex() {
    CabinetSpec one = new CabinetSpec(1, TYPE, 5, 5);

    assertThat(violations(() -> new CreateDevice("", "S", UUID.randomUUID(), null, TYPE,
        Arrays.asList(one, null, one))))
        .containsExactly("name: must not be empty", required("cabinets[1]"),
            "cabinets[2].index: duplicate cabinet index 1");
    assertThat(violations(() -> new CreateDevice("M", "S", UUID.randomUUID(), null, TYPE,
        Arrays.asList((CabinetSpec) null))))
        .containsExactly(required("cabinets[0]"));
  }

  @Test
  void aNullPlanogramOfASetUpIsNamedByIndex() {
    CreateDevice device = new CreateDevice("M", "S", UUID.randomUUID(), null, TYPE,
        List.of(new CabinetSpec(1, TYPE, 5, 5)));
    CabinetPlanogram first = new CabinetPlanogram(1, "P", List.of(A1));

    assertThat(violations(() -> new SetUpDevice(device, Arrays.asList(first, null, first))))
        .containsExactly(required("planograms[1]"),
            "planograms[2].cabinetIndex: cabinet 1 has two planograms");
    assertThat(violations(() -> new SetUpDevice(null, Arrays.asList(null, first))))
        .containsExactly(required("device"), required("planograms[0]"));
  }

  @Test
  void aNullSaleIsNamedByIndex() {
    UUID slot = UUID.randomUUID();

    assertThat(violations(() -> new RecordSales(
        Arrays.asList(SaleEntry.sold(slot, 1), null, SaleEntry.observed(slot, 0)))))
        .containsExactly(required("entries[1]"), "entries[2].slotId: slot listed twice: " + slot);
    assertThat(violations(() -> new RecordSales(Arrays.asList((SaleEntry) null))))
        .containsExactly(required("entries[0]"));
  }
}
