package dev.restock.core.reads;

import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which slot of a device a machine's selection code names. In this order: the device's explicit
 * map (selection code to position); the code itself when it is a position ({@code a1} or
 * {@code A1}); the code read as a row number followed by a two-digit column ({@code 101} is A1,
 * {@code 1203} is L3). A position names the device's first cabinet (lowest index) unless it is
 * prefixed with a cabinet index and a colon ({@code 2:B4}). The slot must be in that cabinet's
 * active planogram.
 */
final class SelectionMapping {
  private static final Pattern CABINET_POSITION =
      Pattern.compile("(?:(\\d{1,2}):)?([A-Za-z]\\d{1,2})");
  private static final Pattern ROW_COLUMN = Pattern.compile("(\\d{1,2})(\\d{2})");

  private final Map<Integer, Planogram> planogramsByCabinet;
  private final int firstCabinet;
  private final Map<String, String> explicit;

  /**
   * @param planograms the device's active planograms, by cabinet id
   * @param explicit selection code to position for this device, or an empty map
   */
  SelectionMapping(Device device, Map<UUID, Planogram> planograms, Map<String, String> explicit) {
    this.planogramsByCabinet = new TreeMap<>();
    for (Cabinet c : device.cabinets()) {
      Planogram p = planograms.get(c.id());
      if (p != null) {
        planogramsByCabinet.put(c.index(), p);
      }
    }
    this.firstCabinet = device.cabinets().stream().map(Cabinet::index)
        .min(Comparator.naturalOrder()).orElse(1);
    this.explicit = explicit;
  }

  /** Whether the device's map names this selection. */
  boolean mapped(String selection) {
    return explicit.containsKey(selection);
  }

  /**
   * Whether an explicit map value is a position, optionally cabinet-prefixed; the caller names a
   * bad one.
   */
  static boolean validTarget(String value) {
    return target(value) != null;
  }

  /** The slot the selection names, empty when it names none. */
  Optional<Slot> slotFor(String selection) {
    String code = selection.strip();
    String mappedTo = explicit.get(code);
    Target t = mappedTo != null ? target(mappedTo) : target(code);
    if (t == null && mappedTo == null) {
      t = rowColumn(code);
    }
    if (t == null) {
      return Optional.empty();
    }
    Planogram p = planogramsByCabinet.get(t.cabinet() == null ? firstCabinet : t.cabinet());
    return p == null ? Optional.empty() : p.slotAt(t.position());
  }

  private record Target(@Nullable Integer cabinet, String position) {}

  private static @Nullable Target target(String value) {
    Matcher m = CABINET_POSITION.matcher(value.strip());
    if (!m.matches()) {
      return null;
    }
    String position = m.group(2).toUpperCase(Locale.ROOT);
    if (!Positions.valid(position)) {
      return null;
    }
    return new Target(m.group(1) == null ? null : Integer.valueOf(m.group(1)), position);
  }

  private static @Nullable Target rowColumn(String code) {
    Matcher m = ROW_COLUMN.matcher(code);
    if (!m.matches()) {
      return null;
    }
    int row = Integer.parseInt(m.group(1));
    int column = Integer.parseInt(m.group(2));
    if (row < 1 || row > 20) {
      return null;
    }
    String position = (char) ('A' + row - 1) + Integer.toString(column);
    return Positions.valid(position) ? new Target(null, position) : null;
  }
}
