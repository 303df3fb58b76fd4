package dev.restock.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.core.picklist.FillToPar;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {

  static PickListStrategy named(String id) {
    return new PickListStrategy() {
      @Override public String id() { return id; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return 0; }
    };
  }

  @Test
  void twoStrategiesWithTheSameIdAreRefused() {
    assertThatThrownBy(() -> new StrategyRegistry(List.of(new FillToPar(), named("fill-to-par"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two pick-list strategies have the id 'fill-to-par'");
  }

  @Test
  void anUnknownIdNamesEveryKnownId() {
    StrategyRegistry registry = new StrategyRegistry(List.of(new FillToPar(), named("zeta")));
    assertThatThrownBy(() -> registry.require("nope"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unknown pick-list strategy 'nope'; known: fill-to-par, zeta");
    assertThat(registry.require("zeta").id()).isEqualTo("zeta");
  }
}
