package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;

/** Command to add a cabinet type. */
@Stable(since = "0.1")
public record CreateCabinetType(String name) {
  public CreateCabinetType {
    new Checks().text(name, "name", 200).throwIfAny();
  }
}
