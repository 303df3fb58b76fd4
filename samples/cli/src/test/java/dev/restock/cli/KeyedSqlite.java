package dev.restock.cli;

import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tool-made SQLite database opened in-process, as the tool opens it: with the key file
 * {@code DB.keys} beside it when there is one (the tool creates it with a new database).
 */
final class KeyedSqlite {
  private KeyedSqlite() {}

  static StoreFactory of(Path db) {
    Path file = db.toAbsolutePath().normalize();
    JpaStoreConfig config = JpaStoreConfig.of("jdbc:sqlite:" + file, null, null);
    Path keys = file.resolveSibling(file.getFileName() + ".keys");
    return JpaStores.of(Files.exists(keys) ? config.withKeys(KeyFileKeyProvider.load(keys))
        : config);
  }

  static StoreFactory of(String db) {
    return of(Path.of(db));
  }
}
