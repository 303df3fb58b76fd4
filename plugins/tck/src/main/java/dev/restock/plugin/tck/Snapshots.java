package dev.restock.plugin.tck;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Inputs the contract suites feed a plugin: a spread of slots, cabinets and route contexts. */
public final class Snapshots {
  private static final UUID ROUTE = new UUID(1, 1);
  private static final UUID DEVICE = new UUID(2, 2);

  private Snapshots() {}

  /** Slots covering empty, part-filled, full and over-par states, with and without sales. */
  public static List<SlotSnapshot> slots() {
    List<SlotSnapshot> slots = new ArrayList<>();
    int n = 0;
    for (int capacity : new int[] {1, 7, 10, 999}) {
      for (int par : new int[] {0, capacity / 2, capacity}) {
        for (int quantity : new int[] {0, capacity / 3, par, capacity}) {
          for (Integer sold : new Integer[] {null, 0, 3, 500}) {
            for (int casePack : new int[] {1, 12}) {
              slots.add(new SlotSnapshot(new UUID(3, n++), DEVICE, 1, "A1", new UUID(4, n),
                  capacity, par, quantity, casePack, sold));
            }
          }
        }
      }
    }
    return slots;
  }

  /** Route contexts from a daily to a two-monthly visit, with and without a sales window. */
  public static List<PlanContext> contexts() {
    List<PlanContext> contexts = new ArrayList<>();
    for (int interval : new int[] {1, 7, 60}) {
      for (int window : new int[] {0, 28}) {
        contexts.add(new PlanContext(ROUTE, interval, LocalDate.of(2026, 11, 22), window));
      }
    }
    return contexts;
  }

  /** Cabinets: none stocked, one slot, a spread of slots. */
  public static List<CabinetSnapshot> cabinets() {
    List<SlotSnapshot> all = slots();
    return List.of(
        new CabinetSnapshot(DEVICE, "D", new UUID(5, 1), 1, List.of()),
        new CabinetSnapshot(DEVICE, "D", new UUID(5, 2), 1, all.subList(0, 1)),
        new CabinetSnapshot(DEVICE, "D", new UUID(5, 3), 2, all.subList(0, 40)),
        new CabinetSnapshot(DEVICE, "D", new UUID(5, 4), 3, all.subList(40, 120)));
  }
}
