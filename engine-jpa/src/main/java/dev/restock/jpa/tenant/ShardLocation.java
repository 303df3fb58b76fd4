package dev.restock.jpa.tenant;

import dev.restock.api.stability.Experimental;
import java.util.Objects;

/**
 * One PostgreSQL database a tenant can be placed on: a shard of
 * {@link JpaTenants#postgresShards}.
 *
 * @param jdbcUrl the database, e.g. {@code jdbc:postgresql://db2.example:5432/restock}, without
 *     a {@code currentSchema} (each tenant is a schema of its own there)
 * @param user user name; it needs the right to create schemas, and, for moves, databases (a
 *     restore stages the copy in a scratch database)
 * @param password password, empty for none
 * @since 0.3
 */
@Experimental(since = "0.3")
public record ShardLocation(String jdbcUrl, String user, String password) {

  /** Checks the components. */
  public ShardLocation {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a shard is a PostgreSQL database (jdbc:postgresql:...), "
          + "not " + dev.restock.jpa.config.Secrets.mask(jdbcUrl));
    }
    if (jdbcUrl.contains("currentSchema")) {
      throw new IllegalArgumentException("a shard's URL names no currentSchema: each tenant is a "
          + "schema of its own there");
    }
  }

  /** Masks the password. */
  @Override
  public String toString() {
    return "ShardLocation[" + dev.restock.jpa.config.Secrets.mask(jdbcUrl) + ", user " + user
        + "]";
  }
}
