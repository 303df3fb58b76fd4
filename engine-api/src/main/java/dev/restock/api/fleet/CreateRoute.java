package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to add a route; {@code visitIntervalDays} defaults to 7. */
@Stable(since = "0.1")
public record CreateRoute(String code, String name, @Nullable Integer visitIntervalDays) {
  public static final int DEFAULT_VISIT_INTERVAL_DAYS = 7;

  public CreateRoute {
    code = code == null ? null : code.strip();
    visitIntervalDays = visitIntervalDays == null ? DEFAULT_VISIT_INTERVAL_DAYS : visitIntervalDays;
    new Checks()
        .identifier(code, "code", 32)
        .text(name, "name", 200)
        .range(visitIntervalDays, "visitIntervalDays", 1, 60)
        .throwIfAny();
  }
}
