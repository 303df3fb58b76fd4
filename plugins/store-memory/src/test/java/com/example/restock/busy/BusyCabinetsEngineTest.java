package com.example.restock.busy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.spi.PluginSettingException;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.storememory.MemoryStore;
import dev.restock.plugin.tck.EngineFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walkthrough's policy in an engine, configured from the builder and the environment. */
class BusyCabinetsEngineTest {

  @Test
  void theConfiguredPolicySelectsTheCabinetsThatSoldEnough() {
    try (Restock engine = RestockEngine.builder().store(MemoryStore.factory())
        .plugin(new BusyCabinetsPlugin())
        .pluginProperty("busy-cabinets.min-units-sold", "5")
        .environment(Map.of("RESTOCK_BUSY_CABINETS__WINDOW_DAYS", "7"))
        .build()) {
      RestockSession ops = engine.as(Actor.system());
      ops = engine.as(Actor.user(ops.users()
          .create(new CreateUser("admin", "admin@example.com", Role.ADMIN)).id()));
      EngineFixture.Fleet fleet = EngineFixture.fleet(ops);
      DeviceSetup m1 = EngineFixture.device(ops, fleet, "M1", 2, 6);
      // cabinet 1 sells 4 colas (8 -> 4), below the configured 5; cabinet 2 sells 5 (8 -> 3)
      ops.sales().record(new RecordSales(List.of(
          SaleEntry.sold(m1.planograms().get(0).slotAt("A1").orElseThrow().id(), 4),
          SaleEntry.sold(m1.planograms().get(1).slotAt("A1").orElseThrow().id(), 5))));

      ServiceOrder order = ops.serviceOrders().create(new CreateServiceOrder(
          fleet.route().id(), null, BusyCabinets.ID, null, null));

      assertThat(order.visits()).extracting(Visit::cabinetIndex).containsExactly(2);
    }
  }

  @Test
  void aBadSettingFailsStartUpNamingItsSource() {
    assertThatThrownBy(() -> RestockEngine.builder().store(MemoryStore.factory())
        .plugin(new BusyCabinetsPlugin())
        .environment(Map.of("RESTOCK_BUSY_CABINETS__WINDOW_DAYS", "400")).build())
        .isInstanceOf(PluginSettingException.class)
        .hasMessage("plugin 'busy-cabinets' setting 'window-days' = '400' (from environment"
            + " variable RESTOCK_BUSY_CABINETS__WINDOW_DAYS): must be 1..366");
  }
}
