package dev.restock.jpa.tenant;

import dev.restock.api.spi.TenantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Tenant isolation on SQLite: a database file per tenant in a new directory per test. */
class SqliteTenantIsolationTest extends TenantIsolationContractTest {
  private Path directory;

  @Override
  protected TenantDirectory freshDirectory() {
    try {
      directory = Files.createTempDirectory("restock-tenants-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JpaTenants.sqliteFiles(directory);
  }

  @Override
  protected void cleanUp() {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
