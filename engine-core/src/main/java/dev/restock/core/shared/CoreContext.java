package dev.restock.core.shared;

import dev.restock.api.spi.Store;

import java.time.Clock;
import java.util.Objects;

/** Everything a use case needs besides its actor: the store's ports, strategies and a clock. */
public record CoreContext(Store store, StrategyRegistry strategies, Clock clock) {
  public CoreContext {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(clock, "clock");
  }
}
