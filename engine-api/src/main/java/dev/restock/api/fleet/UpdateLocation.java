package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to change a location; null fields stay as they are. */
@Stable(since = "0.1")
public record UpdateLocation(@Nullable String name, @Nullable String address) {
  public UpdateLocation {
    new Checks().optionalText(name, "name", 200).optionalMultiLineText(address, "address", 500).throwIfAny();
  }
}
