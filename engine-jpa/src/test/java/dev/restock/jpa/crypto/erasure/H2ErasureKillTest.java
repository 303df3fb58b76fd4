package dev.restock.jpa.crypto.erasure;

import dev.restock.jpa.config.JpaStoreConfig;
import java.nio.file.Path;

/** On an H2 file. */
class H2ErasureKillTest extends ErasureKillContractTest {
  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    return JpaStoreConfig.of("jdbc:h2:file:" + dir.resolve("h2").resolve("restock"), "sa", "");
  }

  @Override
  protected void dropDatabase() {
    // the files live in the test's temporary directory
  }
}
