package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** On an H2 file database, whose files are what is at rest. */
class H2EncryptedFieldsContractTest extends EncryptedFieldsContractTest {
  private Path dir;

  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    this.dir = dir.resolve("h2");
    return JpaStoreConfig.of("jdbc:h2:file:" + this.dir.resolve("restock"), "sa", "");
  }

  @Override
  protected void dropDatabase() {
    // the files live in the test's temporary directory
  }

  /**
   * Every file of the database ({@code restock.mv.db} and any other H2 keeps), after {@code
   * SHUTDOWN COMPACT}: H2's MVStore writes new chunks and leaves overwritten and deleted rows in
   * old ones until they are reused, so deleted bytes (an erased subject's wrapped keys) are gone
   * from the file only once it is compacted, as docs/personal-data.md tells operators.
   */
  @Override
  protected byte[] atRest() throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
            "jdbc:h2:file:" + dir.resolve("restock"), "sa", "");
        java.sql.Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
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
