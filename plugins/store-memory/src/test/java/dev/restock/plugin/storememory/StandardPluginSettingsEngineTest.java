package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.PluginSettingException;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.picklist.DaysOfCover;
import dev.restock.plugin.picklist.StandardPickListsPlugin;
import dev.restock.plugin.picklist.ThresholdPolicy;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standard plugin's settings ({@code picklist-standard.<key>}) change what its strategy and
 * policy do through the engine; bad values fail the engine's start naming the key.
 */
class StandardPluginSettingsEngineTest {

  private static Restock engine(Map<String, String> properties) {
    return RestockEngine.builder().store(MemoryStore.factory()).environment(Map.of())
        .plugin(new StandardPickListsPlugin()).pluginProperties(properties).build();
  }

  /** Units days-of-cover plans for cola (A1 of M1: capacity 10, quantity 8) after 2 sold. */
  private static int colaCover(Map<String, String> properties) {
    try (Restock engine = engine(properties)) {
      RestockSession ops = engine.as(Actor.system());
      Fleet fleet = EngineFixture.fleet(ops);
      Slot cola = EngineFixture.device(ops, fleet, "M1", 1, 6).planograms().get(0)
          .slotAt("A1").orElseThrow();
      ops.sales().record(new RecordSales(List.of(SaleEntry.sold(cola.id(), 2))));
      return ops.pickLists().preview(fleet.route().id(), DaysOfCover.ID).lines().stream()
          .filter(l -> l.slotId().equals(cola.id())).mapToInt(PickLine::pick).sum();
    }
  }

  @Test
  void safetyDaysAndTheSalesWindowComeFromTheSettings() {
    // 2 sold (quantity now 6) over 28 days, 7 + 2 days to cover: ceil(0.64) = 1 unit: target 1
    assertThat(colaCover(Map.of())).isZero();
    // over a 1-day window and 7 + 2 days: 18 units, capped at capacity 10: 4 to load
    assertThat(colaCover(Map.of("picklist-standard.days-of-cover.window-days", "1"))).isEqualTo(4);
    // 1 a day over 7 + 2 days: 9, 3 to load; over 7 + 0 days: 7, 1 to load
    assertThat(colaCover(Map.of("picklist-standard.days-of-cover.window-days", "2"))).isEqualTo(3);
    assertThat(colaCover(Map.of("picklist-standard.days-of-cover.window-days", "2",
        "picklist-standard.days-of-cover.safety-days", "0"))).isEqualTo(1);
  }

  /**
   * Whether the threshold policy selects M1's cabinet: cola 8/10, water 4/10 and chips
   * {@code chips}/6; with 6 chips 8 of 26 units of par are missing (30.8%), with 0 chips 14
   * (53.8%) and one slot is sold out.
   */
  private static boolean thresholdVisits(Map<String, String> properties, int chips) {
    try (Restock engine = engine(properties)) {
      RestockSession ops = engine.as(Actor.system());
      Fleet fleet = EngineFixture.fleet(ops);
      EngineFixture.device(ops, fleet, "M1", 1, chips);
      try {
        ServiceOrder order = ops.serviceOrders().create(new CreateServiceOrder(fleet.route().id(),
            null, ThresholdPolicy.ID, null, null));
        return !order.visits().isEmpty();
      } catch (ValidationException nothingSelected) {
        return false;
      }
    }
  }

  @Test
  void theThresholdPolicysDepletionPercentComesFromTheSettings() {
    assertThat(thresholdVisits(Map.of(), 6)).as("30.8% is below the default 40%").isFalse();
    assertThat(thresholdVisits(Map.of("picklist-standard.threshold.depletion-percent", "30"), 6))
        .isTrue();
    assertThat(thresholdVisits(Map.of("picklist-standard.threshold.depletion-percent", "31"), 6))
        .isFalse();
  }

  @Test
  void theSoldOutSlotCountComesFromTheSettings() {
    String depletion = "picklist-standard.threshold.depletion-percent";
    assertThat(thresholdVisits(Map.of(depletion, "60"), 0))
        .as("one sold-out slot, fewer than the default 2").isFalse();
    assertThat(thresholdVisits(Map.of(depletion, "60",
        "picklist-standard.threshold.sold-out-slots", "1"), 0)).isTrue();
  }

  @Test
  void valuesOutOfRangeFailTheStartNamingEachKeyAndItsRange() {
    assertThatThrownBy(() -> engine(Map.of("picklist-standard.days-of-cover.window-days", "0")))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("days-of-cover.window-days").hasMessageContaining("1..365");
    assertThatThrownBy(() -> engine(Map.of("picklist-standard.days-of-cover.safety-days", "61")))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("days-of-cover.safety-days").hasMessageContaining("0..60");
    assertThatThrownBy(() -> engine(Map.of("picklist-standard.threshold.depletion-percent",
            "101")))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("threshold.depletion-percent").hasMessageContaining("1..100");
    assertThatThrownBy(() -> engine(Map.of("picklist-standard.threshold.sold-out-slots", "0")))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("threshold.sold-out-slots").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> engine(Map.of("picklist-standard.threshold.sold-out-slots", "two")))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("threshold.sold-out-slots").hasMessageContaining("two");
  }

  @Test
  void aPluginBuiltWithExplicitPartsRefusesSettingsThatItWouldIgnore() {
    assertThatThrownBy(() -> RestockEngine.builder().store(MemoryStore.factory())
        .environment(Map.of())
        .plugin(new StandardPickListsPlugin(new DaysOfCover(14, 1), new ThresholdPolicy()))
        .pluginProperty("picklist-standard.threshold.depletion-percent", "50").build())
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("threshold.depletion-percent")
        .hasMessageContaining("explicit");
  }
}
