package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to add a location; {@code address} is optional. */
@Stable(since = "0.1")
public record CreateLocation(String name, @Nullable String address) {
  public CreateLocation {
    new Checks().text(name, "name", 200).optionalMultiLineText(address, "address", 500).throwIfAny();
  }
}
