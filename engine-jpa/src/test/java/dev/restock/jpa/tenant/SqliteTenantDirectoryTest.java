package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A SQLite file per tenant, the catalogue in {@code tenants.db}. */
class SqliteTenantDirectoryTest extends TenantDirectoryContract {
  private Path dir;

  @Override
  void prepare() throws Exception {
    dir = Files.createTempDirectory("restock-tenants");
  }

  @Override
  TenantDirectory newDirectory() {
    return JpaTenants.sqliteFiles(dir);
  }

  @Override
  boolean storageExists(String id) {
    return Files.exists(dir.resolve(id + ".db"));
  }

  @Override
  void occupyStorage(String id) throws Exception {
    Files.createDirectory(dir.resolve(id + ".db"));
  }

  @Override
  void removeStorage(String id) throws Exception {
    for (String suffix : List.of("-wal", "-shm", "")) {
      Files.deleteIfExists(dir.resolve(id + ".db" + suffix));
    }
  }

  @Override
  long catalogueRows(String table) throws Exception {
    return Sql.count("jdbc:sqlite:" + dir.resolve("tenants.db"), null, null, table);
  }

  @Override
  void cleanUp() throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void theCatalogueFileNameIsNoTenantId() throws Exception {
    assertThatThrownBy(() -> directory.add(new NewTenant("tenants", "Clash"), placement(), AT,
        ADMIN)).isInstanceOf(ValidationException.class).hasMessageContaining("reserved");
    assertThat(catalogueRows("restock_tenant")).isZero();
  }

  @Test
  void eachTenantIsAFileNamedAfterItsId() {
    directory.add(new NewTenant("acme", "Acme"), placement(), AT, ADMIN);
    assertThat(dir.resolve("acme.db")).isRegularFile();
    assertThat(dir.resolve("tenants.db")).isRegularFile();
  }
}
