package dev.restock.jpa.tenant;

import dev.restock.api.spi.TenantDirectory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** An H2 in-memory database per tenant, the catalogue in {@code NAME_tenants}. */
class H2MemoryTenantDirectoryTest extends TenantDirectoryContract {
  private String name;

  @Override
  void prepare() {
    name = "t" + Sql.token();
  }

  @Override
  TenantDirectory newDirectory() {
    return JpaTenants.h2InMemory(name);
  }

  @Override
  boolean storageExists(String id) {
    try (Connection c = DriverManager.getConnection(
        "jdbc:h2:mem:" + name + "_" + id + ";IFEXISTS=TRUE", "sa", "")) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  void occupyStorage(String id) throws Exception {
    Sql.execute("jdbc:h2:mem:" + name + "_" + id + ";DB_CLOSE_DELAY=-1", "sa", "",
        "create table leftover (id int)");
  }

  @Override
  void removeStorage(String id) throws Exception {
    Sql.execute("jdbc:h2:mem:" + name + "_" + id + ";IFEXISTS=TRUE", "sa", "", "shutdown");
  }

  @Override
  long catalogueRows(String table) throws Exception {
    return Sql.count("jdbc:h2:mem:" + name + "_tenants", "sa", "", table);
  }

  @Override
  void cleanUp() {
    for (String db : List.of("tenants", "acme", "beta_2", "alpha", "bravo", "gamma", "same")) {
      if (storageExists(db)) {
        try {
          Sql.execute("jdbc:h2:mem:" + name + "_" + db, "sa", "", "shutdown");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
