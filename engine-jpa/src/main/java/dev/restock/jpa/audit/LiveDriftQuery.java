package dev.restock.jpa.audit;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.LiveDrift;
import dev.restock.jpa.crypto.FieldCrypto;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares every live row of each audited table with its latest audit row, one query per table:
 * the database does the comparison (null-safe, column by column, on the columns both tables
 * share) and returns only rows that differ, so neither entities nor unchanged rows are loaded.
 * Envers writes exactly the entity's audited columns, so any difference is an edit made behind
 * the engine's back. Sealed personal values are compared by their commitment ({@link
 * FieldCrypto#chainForm}), as the chain hashes them: key rotation gives the live and the audit
 * copy different ciphertexts of the same value. A drift names the column ({@code on_hand}), as the edit did; service visits
 * and order lines have no {@code AuditedType} and are covered by the chain only.
 */
final class LiveDriftQuery {
  /** Envers' bookkeeping columns, and the key; never compared. */
  private static final Set<String> NOT_COMPARED = Set.of("rev", "revtype", "revend", "id");
  /** Envers' revision type of a deletion. */
  private static final int DELETED = 2;

  private LiveDriftQuery() {}

  /** @param tables audited types with their live table (audit table: name + {@code _aud}) */
  static List<LiveDrift> find(Connection c, Map<AuditedType, String> tables) throws SQLException {
    List<LiveDrift> drift = new ArrayList<>();
    for (Map.Entry<AuditedType, String> e : tables.entrySet()) {
      find(c, e.getKey(), e.getValue(), drift);
    }
    return drift;
  }

  private static void find(Connection c, AuditedType type, String live, List<LiveDrift> into)
      throws SQLException {
    String audit = live + "_aud";
    List<String> liveColumns = HashChain.columns(c, live);
    List<String> shared = new ArrayList<>(HashChain.columns(c, audit));
    shared.retainAll(liveColumns);
    shared.removeAll(NOT_COMPARED);
    StringBuilder select = new StringBuilder("select l.id, a.rev, a.revtype");
    StringBuilder differs = new StringBuilder("a.rev is null or a.revtype = ?");
    for (String column : shared) {
      select.append(", l.").append(column).append(", a.").append(column);
      // null-safe inequality in the SQL all three databases share
      differs.append(" or not (l.").append(column).append(" = a.").append(column)
          .append(" or (l.").append(column).append(" is null and a.").append(column)
          .append(" is null))");
    }
    String sql = select + " from " + live + " l left join " + audit + " a on a.id = l.id"
        + " and a.rev = (select max(m.rev) from " + audit + " m where m.id = l.id)"
        + " where " + (liveColumns.contains("deleted_at") ? "l.deleted_at is null and " : "")
        + "(" + differs + ") order by l.id";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setInt(1, DELETED);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          UUID id = UUID.fromString(r.getString(1));
          r.getLong(2);
          if (r.wasNull()) {
            into.add(new LiveDrift(type, id, "*", null, null));
            continue;
          }
          if (r.getInt(3) == DELETED) {
            into.add(new LiveDrift(type, id, "*", "deleted", null));
            continue;
          }
          for (int i = 0; i < shared.size(); i++) {
            String current = r.getString(4 + 2 * i);
            String audited = r.getString(5 + 2 * i);
            // a sealed value re-encrypted by key rotation differs in ciphertext only
            if (!same(r.getObject(4 + 2 * i), r.getObject(5 + 2 * i),
                FieldCrypto.chainForm(shared.get(i), current),
                FieldCrypto.chainForm(shared.get(i), audited))) {
              into.add(new LiveDrift(type, id, shared.get(i), audited, current));
            }
          }
        }
      }
    }
  }

  /** Mirrors the SQL comparison for the row it returned, to name the columns that differ. */
  private static boolean same(Object live, Object audited, String liveText, String auditedText) {
    if (live == null || audited == null) {
      return live == audited;
    }
    if (live instanceof BigDecimal a && audited instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (live instanceof Number a && audited instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(
          new BigDecimal(b.toString())) == 0;
    }
    return liveText.equals(auditedText);
  }
}
