package dev.restock.jpa.erasure;

import dev.restock.api.spi.KeyProvider;
import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import dev.restock.jpa.testing.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stores of the erasure runners: a fresh database with personal fields encrypted. */
final class ErasureStores {
  private ErasureStores() {}

  /** A factory on {@code db} whose master and index keys live in a new key file. */
  static StoreFactory encrypted(FreshDatabase db) {
    Path dir;
    try {
      dir = Files.createTempDirectory("restock-erasure-keys");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a directory for the key file", e);
    }
    KeyProvider keys = KeyFileKeyProvider.create(dir.resolve("restock.keys"));
    return JpaStores.of(db.config().withKeys(keys));
  }
}
