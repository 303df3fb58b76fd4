package dev.restock.jpa.bootstrap;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.stability.Internal;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.crypto.PlainPersonalValues;
import dev.restock.jpa.fleet.LocationEntity;
import dev.restock.jpa.repository.Finds;
import dev.restock.jpa.serviceorder.ServiceOrderEntity;
import dev.restock.jpa.serviceorder.VisitEntity;
import dev.restock.jpa.tx.UnitOfWork;
import dev.restock.jpa.user.UserEntity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Turns keys on for a database written without them (docs/personal-data.md, "Turning keys on
 * for an existing database"): when a store opens with keys, every plain personal value of a live
 * row ({@code app_user.email}, {@code location.address}, {@code service_order.notes},
 * {@code service_visit.notes}, soft-deleted rows included) is sealed and its equality index
 * filled, so that lookups, live uniqueness and equality criteria, which go by the index, see the
 * old rows as well as new ones.
 *
 * <p>All of it is one unit of work and so one database transaction and one audited revision
 * ({@value #ACTION}, by the system actor, its reason naming the count). Rows Hibernate sees are
 * changed as entities, so Envers writes their sealed state as the revision's {@code _aud} rows and
 * live rows equal their latest history (live drift stays clean); soft-deleted rows, hidden from
 * Hibernate, get a bound native update in the same transaction (live drift does not compare
 * deleted rows, and their last history row is their deletion). A process killed part-way
 * (kill -9) leaves the transaction uncommitted, which every database rolls back on recovery: the
 * database is as before, and the next open with keys does the whole job again. History rows
 * written before keys keep their plain values: the hash chain covers them as plain text, so
 * sealing them would break {@code audit verify}.
 *
 * <p>Idempotent: a database with no plain live value writes nothing (it is counted first on a
 * connection of its own, which reads only).
 */
@Internal(since = "0.3")
public final class SealExisting {
  /** The action of the revision that seals the plain values. */
  public static final String ACTION = "keys.seal-existing";

  private record Target(String table, String column, Class<? extends PlainPersonalValues> entity,
      String index, boolean softDeleted) {
    String plain() {
      return column + " is not null and " + column + " not like 'ENC1.%'";
    }
  }

  private static final List<Target> TARGETS = List.of(
      new Target("app_user", "email", UserEntity.class, "email_hmac", true),
      new Target("location", "address", LocationEntity.class, "address_hmac", true),
      new Target("service_order", "notes", ServiceOrderEntity.class, null, false),
      new Target("service_visit", "notes", VisitEntity.class, null, false));

  /** The plain values changed between counting and sealing: a writer without keys is active. */
  private static final class CountChanged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CountChanged() {
      super(null, null, false, false);
    }
  }

  private SealExisting() {}

  /**
   * Plain personal values in live rows, soft-deleted ones included; reads only.
   *
   * @param dataSource the store's write pool (not a replica, which may lag)
   */
  public static long countPlain(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      long n = 0;
      for (Target t : TARGETS) {
        try (ResultSet r = s.executeQuery(
            "select count(*) from " + t.table() + " where " + t.plain())) {
          r.next();
          n += r.getLong(1);
        }
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the plain personal values: "
          + e.getMessage(), e);
    }
  }

  /**
   * Seals every plain personal value of the live rows as one revision ({@value #ACTION});
   * nothing when there is none or {@code crypto} has no keys.
   *
   * @return how many values were sealed
   * @throws IllegalStateException when the database fails; nothing is then written
   */
  public static long run(DataSource dataSource, TransactionBoundary transactions,
      FieldCrypto crypto) {
    if (!crypto.enabled()) {
      return 0;
    }
    for (int attempt = 0; ; attempt++) {
      long found = countPlain(dataSource);
      if (found == 0) {
        return 0;
      }
      Actor system = new Actor(Actor.SYSTEM_ID, null, null, "sealed " + found
          + " plain personal values written before keys were turned on", null);
      try {
        transactions.writeVoid(new AuditContext(system, ACTION), () -> {
          if (sealAll(UnitOfWork.currentSession(), crypto) != found) {
            throw new CountChanged();
          }
        });
        return found;
      } catch (CountChanged e) {
        if (attempt == 2) {
          throw new IllegalStateException("plain personal values kept changing while they were"
              + " sealed: a process without keys is writing to the database; stop it and open"
              + " again (nothing was sealed)");
        }
      }
    }
  }

  private static long sealAll(Session session, FieldCrypto crypto) {
    long sealed = 0;
    for (Target t : TARGETS) {
      List<?> live = session.createNativeQuery("select id from " + t.table() + " where "
          + t.plain() + (t.softDeleted() ? " and deleted_at is null" : ""), Object.class)
          .getResultList();
      for (Object id : live) {
        PlainPersonalValues e = Finds.find(session, t.entity(), UUID.fromString(id.toString()));
        sealed += e.sealPlain(crypto);
      }
      if (t.softDeleted()) {
        sealed += sealDeleted(session, crypto, t);
      }
    }
    session.flush();
    return sealed;
  }

  /** Soft-deleted rows are hidden from Hibernate: a bound native update each. */
  private static long sealDeleted(Session session, FieldCrypto crypto, Target t) {
    List<Object[]> rows = session.createNativeQuery("select id, " + t.column() + " from "
        + t.table() + " where " + t.plain() + " and deleted_at is not null", Object[].class)
        .getResultList();
    for (Object[] row : rows) {
      String id = row[0].toString();
      String plain = row[1].toString();
      String subject = FieldCrypto.subjectOf(t.table(), id);
      int updated = session.createNativeMutationQuery("update " + t.table() + " set "
              + t.column() + " = :v, " + t.index() + " = :h where id = :id")
          .setParameter("v", crypto.seal(t.table(), t.column(), subject, plain, null))
          .setParameter("h", crypto.index(t.table(), t.column(), plain))
          .setParameter("id", id)
          .executeUpdate();
      if (updated != 1) {
        throw new CountChanged();
      }
    }
    return rows.size();
  }
}
