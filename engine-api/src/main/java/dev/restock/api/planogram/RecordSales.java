package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Command to record sales of one or more slots at once; a slot appears at most once. */
@Stable(since = "0.1")
public record RecordSales(@Nullable List<SaleEntry> entries) {
  public RecordSales {
    entries = entries == null ? List.of() : List.copyOf(entries);
    Checks checks = new Checks().check(!entries.isEmpty(), "entries", "at least one entry is required");
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      checks.check(seen.add(entries.get(i).slotId()), "entries[" + i + "].slotId",
          "slot listed twice: " + entries.get(i).slotId());
    }
    checks.throwIfAny();
  }
}
