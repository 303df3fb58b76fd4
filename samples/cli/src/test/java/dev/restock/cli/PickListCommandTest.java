package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.PlanOutcome;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the pick list says when it has no line: the facts, not a guess about par levels. */
class PickListCommandTest {
  @TempDir static Path dir;

  /** A strategy that decides to load nothing, whatever the slots hold. */
  private static final class PlanNothing implements PickListStrategy, EnginePlugin {
    @Override
    public String id() {
      return "plan-nothing";
    }

    @Override
    public int plan(SlotSnapshot slot, PlanContext context) {
      return 0;
    }

    @Override
    public void register(PluginRegistrar registrar) {
      registrar.pickListStrategy(this);
    }
  }

  /** Shares each product's par over a machine: its whole shortfall into its first slot with room. */
  private static final class SharedPar implements PickListStrategy, EnginePlugin {
    @Override
    public String id() {
      return "shared-par";
    }

    @Override
    public int plan(SlotSnapshot slot, PlanContext context) {
      throw new AssertionError("the engine plans through the machine hook");
    }

    @Override
    public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      Map<UUID, Integer> need = new HashMap<>();
      machine.slots().forEach(s ->
          need.merge(s.productId(), Math.max(0, s.parLevel() - s.quantity()), Integer::sum));
      Map<UUID, Integer> plan = new HashMap<>();
      for (SlotSnapshot s : machine.slots()) {
        int units = Math.min(need.get(s.productId()), s.room());
        need.merge(s.productId(), -units, Integer::sum);
        plan.put(s.slotId(), units);
      }
      return plan;
    }

    @Override
    public void register(PluginRegistrar registrar) {
      registrar.pickListStrategy(this);
    }
  }

  @BeforeAll
  static void demoRoute() {
    RestockCli.quietLogging(false);
    CommandLine cli = RestockCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("demo", "--db", db())).isZero();
    // the demo ends with every visit done; a sale of one unit per slot leaves slots below par
    try (Restock engine = RestockEngine.builder().store(KeyedSqlite.of(Path.of(db()))).build()) {
      RestockSession session = engine.as(Actor.system());
      List<SaleEntry> sales = new ArrayList<>();
      for (Device device : session.devices().listByRoute(
          session.routes().getByCode("DEMO-1").id())) {
        for (Cabinet cabinet : device.cabinets()) {
          for (Slot slot : session.planograms().activeFor(cabinet.id()).slots()) {
            if (slot.quantity() > 0) {
              sales.add(SaleEntry.sold(slot.id(), 1));
            }
          }
        }
      }
      session.sales().record(new RecordSales(sales));
    }
  }

  private static String db() {
    return dir.resolve("restock.db").toString();
  }

  private static PickList preview(String strategy) {
    try (Restock engine = RestockEngine.builder().store(KeyedSqlite.of(Path.of(db())))
        .discoverPlugins().plugin(new PlanNothing(), new SharedPar()).build()) {
      RestockSession session = engine.as(Actor.system());
      UUID route = session.routes().getByCode("DEMO-1").id();
      return session.pickLists().preview(route, strategy);
    }
  }

  private static String render(PickList list) {
    StringWriter out = new StringWriter();
    PickListCommand.render(list, new PrintWriter(out, true));
    return out.toString();
  }

  @Test
  void aStrategyThatPlansNothingIsNamedWithTheSlotsItLeftBelowPar() {
    int belowPar = preview("fill-to-par").lines().size();
    assertThat(belowPar).as("the demo route has slots below par").isPositive();

    String text = render(preview("plan-nothing"));

    assertThat(text).doesNotContain("every slot is at or above par")
        .containsPattern("Nothing to pick: strategy 'plan-nothing' planned nothing for \\d+ "
            + "stocked slots, " + belowPar + " of them below par\\.");
  }

  @Test
  void anEmptyListSaysWhetherTheRouteHadNoSlotOrTheMinimumPickDroppedEveryLine() {
    UUID route = UUID.randomUUID();
    assertThat(render(new PickList(route, "R1", "fill-to-par", List.of(), List.of(),
        new PlanOutcome(0, 0, 0, 0))))
        .contains("Nothing to pick: route R1 has no stocked slot under an active planogram.");
    assertThat(render(new PickList(route, "R1", "fill-to-par", List.of(), List.of(),
        new PlanOutcome(12, 5, 5, 5))))
        .contains("Nothing to pick: strategy 'fill-to-par' planned units for 5 of 12 stocked "
            + "slots (5 of them below par), each under the minimum pick.");
    assertThat(render(new PickList(route, "R1", "fill-to-par", List.of(), List.of(),
        new PlanOutcome(12, 0, 0, 0))))
        .contains("Nothing to pick: strategy 'fill-to-par' planned nothing for 12 stocked slots, "
            + "0 of them below par.");
  }

  @Test
  void thePreviewAndAnOrderBothPlanEachMachineThroughTheStrategysMachineHook() {
    PickList perSlot = preview("fill-to-par");
    PickList shared = preview("shared-par");

    // the same units, fewer lines: a product stocked twice on a machine is loaded into one slot
    assertThat(shared.totalUnits()).isEqualTo(perSlot.totalUnits()).isPositive();
    assertThat(shared.lines()).hasSizeLessThan(perSlot.lines().size());
    try (Restock engine = RestockEngine.builder().store(KeyedSqlite.of(Path.of(db())))
        .discoverPlugins().plugin(new SharedPar()).build()) {
      RestockSession session = engine.as(Actor.system());
      ServiceOrder order = session.serviceOrders().create(new CreateServiceOrder(
          shared.routeId(), null, null, "shared-par", null));
      assertThat(session.serviceOrders().pickList(order.id(), false).lines())
          .extracting(PickLine::slotId, PickLine::pick)
          .containsExactlyInAnyOrderElementsOf(shared.lines().stream()
              .map(l -> org.assertj.core.groups.Tuple.tuple(l.slotId(), l.pick())).toList());
    }
  }
}
