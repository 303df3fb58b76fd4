package dev.restock.plugin.tck;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Cabinets and contexts at the edges a visit policy's thresholds meet, each under a label that
 * says what it is. {@link VisitPolicyContract} feeds them to every policy; a policy's own tests
 * can use them to pin its thresholds, e.g. {@code
 * assertThat(policy.needsVisit(PolicyInputs.cabinet("at par", PolicyInputs.slot(10, 6, 6,
 * null)), PolicyInputs.weekly())).isFalse()}.
 */
public final class PolicyInputs {
  private static final UUID ROUTE = new UUID(7, 1);
  private static final UUID DEVICE = new UUID(7, 2);

  private PolicyInputs() {}

  /** A stocked slot in position A1 with a case pack of 6. */
  public static SlotSnapshot slot(int capacity, int par, int quantity, @Nullable Integer sold) {
    return new SlotSnapshot(UUID.nameUUIDFromBytes(
        (capacity + "/" + par + "/" + quantity + "/" + sold).getBytes(
            java.nio.charset.StandardCharsets.UTF_8)),
        DEVICE, 1, "A1", new UUID(7, 3), capacity, par, quantity, 6, sold);
  }

  /** Cabinet 1 of a device named after {@code label}, holding {@code slots}. */
  public static CabinetSnapshot cabinet(String label, SlotSnapshot... slots) {
    return new CabinetSnapshot(DEVICE, label, UUID.nameUUIDFromBytes(
        label.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1, List.of(slots));
  }

  /** A weekly route without a sales window. */
  public static PlanContext weekly() {
    return new PlanContext(ROUTE, 7, LocalDate.of(2026, 11, 22), 0);
  }

  /**
   * Labelled cabinets: no stocked slot; one slot exactly at par, one below, one above; full (no
   * room); sold out; par 0; capacity 1 empty and full; capacity 999; sales null, 0 and large; a
   * full 20 × 20 grid of mixed slots.
   */
  public static Map<String, CabinetSnapshot> cabinets() {
    Map<String, CabinetSnapshot> c = new LinkedHashMap<>();
    add(c, "no stocked slot");
    add(c, "one slot exactly at par", slot(10, 6, 6, null));
    add(c, "one slot one below par", slot(10, 6, 5, null));
    add(c, "one slot one above par", slot(10, 6, 7, null));
    add(c, "full: no room left", slot(10, 6, 10, null), slot(8, 8, 8, null));
    add(c, "sold out", slot(10, 6, 0, null), slot(8, 8, 0, null));
    add(c, "par 0, empty", slot(10, 0, 0, null));
    add(c, "par 0, full", slot(10, 0, 10, null));
    add(c, "capacity 1, empty", slot(1, 1, 0, null));
    add(c, "capacity 1, full", slot(1, 1, 1, null));
    add(c, "capacity 999, one below par", slot(999, 999, 998, null));
    add(c, "sales null", slot(10, 6, 3, null), slot(10, 6, 6, null));
    add(c, "sales 0", slot(10, 6, 3, 0), slot(10, 6, 6, 0));
    add(c, "sales large", slot(10, 6, 3, 1_000_000), slot(10, 6, 6, Integer.MAX_VALUE));
    List<SlotSnapshot> grid = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int capacity = 1 + i % 999;
      grid.add(slot(capacity, capacity / 2, i % (capacity + 1), i % 3 == 0 ? null : i));
    }
    c.put("20 x 20 grid, mixed", new CabinetSnapshot(DEVICE, "grid", new UUID(7, 9), 3, grid));
    return Collections.unmodifiableMap(c);
  }

  private static void add(Map<String, CabinetSnapshot> c, String label, SlotSnapshot... slots) {
    c.put(label, cabinet(label, slots));
  }

  /**
   * Contexts at the edges: a daily and a two-monthly route; windows 0, 1 and 366 days; a leap day
   * and the last day of a year.
   */
  public static List<PlanContext> contexts() {
    List<PlanContext> contexts = new ArrayList<>();
    for (int interval : new int[] {1, 60}) {
      for (int window : new int[] {0, 1, 366}) {
        contexts.add(new PlanContext(ROUTE, interval, LocalDate.of(2028, 2, 29), window));
      }
    }
    contexts.add(new PlanContext(ROUTE, 7, LocalDate.of(2026, 12, 31), 28));
    return contexts;
  }

  /** {@code cabinet} with every slot's sales replaced by {@code sold}. */
  public static CabinetSnapshot withSales(CabinetSnapshot cabinet, @Nullable Integer sold) {
    UnaryOperator<SlotSnapshot> replace = s -> new SlotSnapshot(s.slotId(), s.deviceId(),
        s.cabinetIndex(), s.position(), s.productId(), s.capacity(), s.parLevel(), s.quantity(),
        s.casePack(), sold);
    return new CabinetSnapshot(cabinet.deviceId(), cabinet.deviceName(), cabinet.cabinetId(),
        cabinet.cabinetIndex(), cabinet.slots().stream().map(replace).toList());
  }
}
