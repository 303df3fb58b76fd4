package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.UUID;

/** A cabinet to create: index 1..3, grid 1..20 × 1..20. Validates itself. */
@Stable(since = "0.1")
public record CabinetSpec(Integer index, UUID cabinetTypeId, Integer rows, Integer columns) {
  public CabinetSpec {
    checks(index, cabinetTypeId, rows, columns).throwIfAny();
  }

  static Checks checks(Integer index, UUID cabinetTypeId, Integer rows, Integer columns) {
    return new Checks()
        .range(index, "index", 1, 3)
        .notNull(cabinetTypeId, "cabinetTypeId")
        .range(rows, "rows", 1, 20)
        .range(columns, "columns", 1, 20);
  }
}
