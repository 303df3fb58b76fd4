package dev.restock.jpa.audit;

import dev.restock.api.stability.Internal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The engine's own sealing of one revision into the hash chain, for Restock's bulk tools that
 * write revisions and their audit rows through JDBC (the verification benchmark's history
 * generator): the revision is chained exactly as a unit of work's is at commit, by the same code.
 */
@Internal(since = "0.2")
public final class RevisionSealing {
  private RevisionSealing() {}

  /**
   * Chains revision {@code revisionId} in the connection's open transaction, after its audit rows
   * and audit events are written; call in commit order, one revision at a time.
   *
   * @param connection a connection with an open write transaction
   * @param revisionId the {@code audit_revision} row to seal
   * @param auditTables the audit tables ({@code *_aud}) the revision wrote rows to
   * @throws SQLException if the database refuses a statement
   */
  public static void seal(Connection connection, long revisionId, Collection<String> auditTables)
      throws SQLException {
    Objects.requireNonNull(connection, "connection");
    List<String> tables = List.copyOf(auditTables);
    for (String table : tables) {
      if (!JpaAuditHistory.CHAIN_TABLES.contains(table)) {
        throw new IllegalArgumentException("not an audit table: " + table + "; the audit tables"
            + " are " + JpaAuditHistory.CHAIN_TABLES);
      }
    }
    HashChain.seal(connection, revisionId, tables);
  }
}
