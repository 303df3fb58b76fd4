package dev.restock.plugin.tck;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Inputs the contract suites feed a plugin: a spread of slots, cabinets, machines and route
 * contexts.
 */
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

  /**
   * Machines as the engine hands them to {@link dev.restock.api.spi.PickListStrategy#planMachine}:
   * several cabinets per device; products stocked in several slots of one cabinet and across
   * cabinets, each with one case pack (1, 6, 12 or 24) wherever it is stocked; slots empty, below
   * par, at par, above par and full; a cabinet without a stocked slot; room smaller than a case.
   */
  public static List<MachineSnapshot> machines() {
    List<MachineSnapshot> machines = new ArrayList<>();
    // a snack machine: cola and chips in both cabinets, cola twice in the first
    UUID snack = new UUID(6, 1);
    machines.add(new MachineSnapshot(snack, name(snack), List.of(
        cabinet(snack, 1, List.of(
            slot(snack, 1, 1, "A1", COLA, 10, 8, 3, null),
            slot(snack, 1, 2, "A2", CHIPS, 12, 12, 0, 4),
            slot(snack, 1, 3, "A3", COLA, 10, 8, 8, 0),
            slot(snack, 1, 4, "B1", WATER, 8, 4, 8, 500))),
        cabinet(snack, 2, List.of(
            slot(snack, 2, 5, "A1", COLA, 20, 15, 1, 3),
            slot(snack, 2, 6, "A2", CHIPS, 6, 6, 5, null),
            slot(snack, 2, 7, "A3", GUM, 999, 500, 0, 500))))));
    // a machine whose first cabinet has no stocked slot and whose second is full or over par
    UUID quiet = new UUID(6, 2);
    machines.add(new MachineSnapshot(quiet, name(quiet), List.of(
        cabinet(quiet, 1, List.of()),
        cabinet(quiet, 2, List.of(
            slot(quiet, 2, 1, "A1", COLA, 10, 8, 10, 0),
            slot(quiet, 2, 2, "A2", COLA, 10, 8, 9, null),
            slot(quiet, 2, 3, "A3", WATER, 5, 0, 0, 3))))));
    // rooms smaller than a case: 5 cola short over three slots with 2 units of room each
    UUID tight = new UUID(6, 3);
    machines.add(new MachineSnapshot(tight, name(tight), List.of(
        cabinet(tight, 1, List.of(
            slot(tight, 1, 1, "A1", COLA, 6, 6, 4, null),
            slot(tight, 1, 2, "A2", COLA, 6, 5, 4, null),
            slot(tight, 1, 3, "A3", CHIPS, 3, 3, 1, 2))),
        cabinet(tight, 2, List.of(slot(tight, 2, 4, "A1", COLA, 6, 6, 4, 1))))));
    // a large machine: the single-slot spread over four cabinets, five products shared by all
    UUID large = new UUID(6, 4);
    List<SlotSnapshot> spread = slots();
    List<CabinetSnapshot> cabinets = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      List<SlotSnapshot> cabinetSlots = new ArrayList<>();
      for (int k = c; k < spread.size(); k += 4) {
        SlotSnapshot s = spread.get(k);
        UUID product = PRODUCTS.get(k % PRODUCTS.size());
        cabinetSlots.add(new SlotSnapshot(new UUID(7, k), large, c + 1, "R" + k, product,
            s.capacity(), s.parLevel(), s.quantity(), casePack(product), s.unitsSoldInWindow()));
      }
      cabinets.add(cabinet(large, c + 1, cabinetSlots));
    }
    machines.add(new MachineSnapshot(large, name(large), cabinets));
    return machines;
  }

  private static final UUID COLA = new UUID(8, 1);
  private static final UUID CHIPS = new UUID(8, 2);
  private static final UUID WATER = new UUID(8, 3);
  private static final UUID GUM = new UUID(8, 4);
  private static final UUID CHOC = new UUID(8, 5);
  private static final List<UUID> PRODUCTS = List.of(COLA, CHIPS, WATER, GUM, CHOC);

  private static int casePack(UUID product) {
    return product.equals(COLA) ? 6 : product.equals(CHIPS) ? 12 : product.equals(WATER) ? 24 : 1;
  }

  private static String name(UUID device) {
    return "Machine " + device.getLeastSignificantBits();
  }

  private static CabinetSnapshot cabinet(UUID device, int index, List<SlotSnapshot> slots) {
    return new CabinetSnapshot(device, name(device),
        new UUID(device.getLeastSignificantBits(), index), index, slots);
  }

  private static SlotSnapshot slot(UUID device, int cabinet, int n, String position, UUID product,
      int capacity, int par, int quantity, Integer sold) {
    return new SlotSnapshot(new UUID(device.getLeastSignificantBits() << 8 | cabinet, n), device,
        cabinet, position, product, capacity, par, quantity, casePack(product), sold);
  }
}
