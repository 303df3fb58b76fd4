package dev.restock.jpa.tenant;

import dev.restock.api.spi.TenantDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An H2 database file per tenant, the catalogue in {@code tenants.mv.db}. */
class H2FilesTenantDirectoryTest extends TenantDirectoryContract {
  private Path dir;

  @Override
  void prepare() throws Exception {
    dir = Files.createTempDirectory("restock-tenants-h2");
  }

  @Override
  TenantDirectory newDirectory() {
    return JpaTenants.h2Files(dir);
  }

  @Override
  boolean storageExists(String id) {
    return Files.exists(dir.resolve(id + ".mv.db"));
  }

  @Override
  void occupyStorage(String id) throws Exception {
    Sql.execute("jdbc:h2:file:" + dir.resolve(id), "sa", "", "create table leftover (id int)");
  }

  @Override
  void removeStorage(String id) throws Exception {
    Files.delete(dir.resolve(id + ".mv.db"));
  }

  @Override
  long catalogueRows(String table) throws Exception {
    return Sql.count("jdbc:h2:file:" + dir.resolve("tenants"), "sa", "", table);
  }

  @Override
  void cleanUp() throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
