package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Command to record sales of one or more slots at once; a slot appears at most once. */
@Stable(since = "0.1")
public record RecordSales(@Nullable List<SaleEntry> entries) {
  public RecordSales {
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<SaleEntry> given = entries == null ? List.of() : new ArrayList<>(entries);
    Checks checks = new Checks()
        .check(!given.isEmpty(), "entries", "at least one entry is required")
        .noNullElements(given, "entries");
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      SaleEntry entry = given.get(i);
      if (entry != null) {
        checks.check(seen.add(entry.slotId()), "entries[" + i + "].slotId",
            "slot listed twice: " + entry.slotId());
      }
    }
    checks.throwIfAny();
    entries = List.copyOf(given);
  }
}
