package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import java.nio.file.Path;

/** On an H2 file database in the test's temporary directory. */
class H2ExistingPlainDatabaseContractTest extends ExistingPlainDatabaseContractTest {
  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    return JpaStoreConfig.of("jdbc:h2:file:" + dir.resolve("h2").resolve("restock"), "sa", "");
  }

  @Override
  protected void dropDatabase() {
    // the files live in the test's temporary directory
  }
}
