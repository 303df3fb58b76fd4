package dev.restock.core.shared;

import dev.restock.core.plugin.Registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.core.picklist.FillToPar;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

  static PickListStrategy named(String id) {
    return new PickListStrategy() {
      @Override public String id() { return id; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return 0; }
    };
  }

  private static Registry<PickListStrategy> registry(PickListStrategy... entries) {
    return new Registry<>("pick-list strategy", "strategy", List.of(entries), PickListStrategy::id);
  }

  @Test
  void twoEntriesWithTheSameIdAreRefused() {
    assertThatThrownBy(() -> registry(new FillToPar(), named("fill-to-par")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the pick-list strategy id 'fill-to-par' is registered twice");
  }

  @Test
  void anUnknownIdNamesEveryKnownId() {
    Registry<PickListStrategy> registry = registry(new FillToPar(), named("zeta"));
    assertThatThrownBy(() -> registry.require("nope"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("strategy: unknown pick-list strategy 'nope'; known: fill-to-par, zeta");
    assertThat(registry.require("zeta").id()).isEqualTo("zeta");
  }
}
