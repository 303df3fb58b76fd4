package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to rename a cabinet type. */
@Stable(since = "0.1")
public record UpdateCabinetType(@Nullable String name) {
  public UpdateCabinetType {
    new Checks().optionalText(name, "name", 200).throwIfAny();
  }
}
