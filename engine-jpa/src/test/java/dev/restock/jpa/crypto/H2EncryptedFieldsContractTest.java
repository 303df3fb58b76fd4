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

  /** Every file of the database ({@code restock.mv.db} and any other H2 keeps). */
  @Override
  protected byte[] atRest() throws Exception {
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
