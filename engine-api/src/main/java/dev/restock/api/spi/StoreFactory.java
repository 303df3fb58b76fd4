package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * Opens a {@link Store}. The engine calls {@link #open()} once while it is built; opening
 * migrates and verifies the database and fails with a clear message when it cannot.
 */
@Stable
@FunctionalInterface
public interface StoreFactory {
  Store open();
}
