package dev.restock.api.spi;

/**
 * Opens a {@link Store}. The engine calls {@link #open()} once while it is built; opening
 * migrates and verifies the database and fails with a clear message when it cannot.
 */
@FunctionalInterface
public interface StoreFactory {
  Store open();
}
