package dev.restock.core.reads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SelectionMappingTest {
  private final Cabinet first = new Cabinet(UUID.randomUUID(), 1, UUID.randomUUID(), 20, 20);
  private final Cabinet second = new Cabinet(UUID.randomUUID(), 2, UUID.randomUUID(), 20, 20);
  private final Device device = new Device(UUID.randomUUID(), "M", "SN", UUID.randomUUID(), null,
      UUID.randomUUID(), List.of(second, first), 1, AuditStamp.NEW, null);

  private static Planogram planogram(Cabinet cabinet, String... positions) {
    List<Slot> slots = java.util.Arrays.stream(positions)
        .map(p -> new Slot(UUID.randomUUID(), p, UUID.randomUUID(), 10, 5, 5, null)).toList();
    return new Planogram(UUID.randomUUID(), cabinet.id(), "P", true, slots, 1, AuditStamp.NEW,
        null);
  }

  private SelectionMapping mapping(Map<String, String> explicit) {
    return new SelectionMapping(device, Map.of(
        first.id(), planogram(first, "A1", "B4", "L3", "T20"),
        second.id(), planogram(second, "A1", "C2")), explicit);
  }

  private static Optional<String> position(SelectionMapping m, String selection) {
    return m.slotFor(selection).map(Slot::position);
  }

  @Test
  void rowAndColumnNumbersCountRowsFromOneAndTakeTheLastTwoDigitsAsTheColumn() {
    SelectionMapping m = mapping(Map.of());

    assertThat(position(m, "101")).hasValue("A1");
    assertThat(position(m, "1203")).hasValue("L3");
    assertThat(position(m, "2020")).hasValue("T20");
    assertThat(position(m, "100")).as("column 0").isEmpty();
    assertThat(position(m, "2101")).as("row 21").isEmpty();
    assertThat(position(m, "7")).as("too short").isEmpty();
  }

  @Test
  void aPositionNamesTheCabinetWithTheLowestIndexUnlessPrefixed() {
    SelectionMapping m = mapping(Map.of());
    Slot firstA1 = m.slotFor("a1").orElseThrow();
    Slot secondA1 = m.slotFor("2:A1").orElseThrow();

    assertThat(firstA1.id()).isNotEqualTo(secondA1.id());
    assertThat(position(m, "b4")).hasValue("B4");
    assertThat(position(m, "C2")).as("C2 is in cabinet 2 only").isEmpty();
    assertThat(position(m, "2:c2")).hasValue("C2");
    assertThat(position(m, "3:A1")).as("no cabinet 3").isEmpty();
  }

  @Test
  void theDevicesMapWinsOverEveryOtherReading() {
    SelectionMapping m = mapping(Map.of("101", "B4", "A1", "2:C2"));

    assertThat(position(m, "101")).hasValue("B4");
    assertThat(m.slotFor("A1")).get().extracting(Slot::position).isEqualTo("C2");
    assertThat(SelectionMapping.validTarget("2:C2")).isTrue();
    assertThat(SelectionMapping.validTarget("Z1")).isFalse();
    assertThat(SelectionMapping.validTarget("101")).isFalse();
  }
}
