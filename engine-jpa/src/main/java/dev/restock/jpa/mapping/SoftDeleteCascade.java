package dev.restock.jpa.mapping;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The declared soft-delete cascades (device to cabinets, planograms and slots; planogram to slots)
 * and their exact reversal: a restore brings back the children deleted in the same revision as
 * the parent, not those deleted earlier on their own. Table and column names are constants of
 * the callers, never input.
 */
public final class SoftDeleteCascade {
  private SoftDeleteCascade() {}

  /** The revision that last deleted {@code id}, from the entity's audit table; 0 if none. */
  public static long deletionRevision(Session session, String auditTable, UUID id) {
    Object rev = session.createNativeQuery(
            "select max(rev) from " + auditTable + " where id = :id and revtype = 2", Object.class)
        .setParameter("id", id.toString()).getSingleResultOrNull();
    return rev == null ? 0 : ((Number) rev).longValue();
  }

  /** Ids of the children whose parent is among {@code parents} deleted by revision {@code rev}. */
  public static List<UUID> deletedWith(Session session, String auditTable, String parentColumn,
      Collection<UUID> parents, long rev) {
    if (parents.isEmpty() || rev == 0) {
      return List.of();
    }
    return session.createNativeQuery("select id from " + auditTable + " where rev = :rev"
                + " and revtype = 2 and " + parentColumn + " in (:parents)", String.class)
        .setParameter("rev", rev)
        .setParameterList("parents", parents.stream().map(UUID::toString).toList())
        .getResultList().stream().map(UUID::fromString).toList();
  }

  /** Clears the deleted-at mark of these rows; the callers then record a real change on each. */
  public static void undelete(Session session, String table, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    session.createNativeMutationQuery("update " + table + " set deleted_at = null"
            + " where deleted_at is not null and id in (:ids)")
        .setParameterList("ids", ids.stream().map(UUID::toString).toList()).executeUpdate();
  }
}
