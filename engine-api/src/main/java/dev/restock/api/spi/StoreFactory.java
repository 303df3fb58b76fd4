package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * Opens a {@link Store}. The engine calls {@link #open()} once while it is built; opening
 * migrates and verifies the database and fails with a clear message when it cannot.
 */
@Stable(since = "0.1")
@FunctionalInterface
public interface StoreFactory {
  Store open();
}
