package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

class SqliteEncryptedFieldsContractTest extends EncryptedFieldsContractTest {
  private Path file;

  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    file = dir.resolve("restock.db");
    return JpaStoreConfig.of("jdbc:sqlite:" + file, null, null);
  }

  @Override
  protected void dropDatabase() {
    // the file lives in the test's temporary directory
  }

  /** The database file with its write-ahead log and shared-memory index. */
  @Override
  protected byte[] atRest() throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path p = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(p)) {
        all.write(Files.readAllBytes(p));
      }
    }
    return all.toByteArray();
  }

  @Override
  protected byte[] backupContent(Path backup) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
      return in.readAllBytes();
    }
  }
}
