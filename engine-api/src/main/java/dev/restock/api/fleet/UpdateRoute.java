package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to change a route; null fields stay as they are. */
@Stable(since = "0.1")
public record UpdateRoute(@Nullable String code, @Nullable String name, @Nullable Integer visitIntervalDays) {
  public UpdateRoute {
    code = code == null ? null : code.strip();
    Checks checks = new Checks().optionalIdentifier(code, "code", 32).optionalText(name, "name", 200);
    if (visitIntervalDays != null) {
      checks.range(visitIntervalDays, "visitIntervalDays", 1, 60);
    }
    checks.throwIfAny();
  }
}
