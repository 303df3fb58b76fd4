package dev.restock.jpa.bootstrap;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.stability.Internal;
import dev.restock.api.user.User;
import dev.restock.jpa.crypto.DuplicatePlainEmailException;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.crypto.PlainPersonalValues;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.jpa.fleet.LocationEntity;
import dev.restock.jpa.repository.Finds;
import dev.restock.jpa.serviceorder.ServiceOrderEntity;
import dev.restock.jpa.serviceorder.VisitEntity;
import dev.restock.jpa.tx.JpaTransactions;
import dev.restock.jpa.tx.UnitOfWork;
import dev.restock.jpa.user.UserEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns keys on for a database written without them (docs/personal-data.md, "Turning keys on
 * for an existing database"): when a store opens with keys, every plain personal value of a live
 * row ({@code app_user.email}, {@code location.address}, {@code service_order.notes},
 * {@code service_visit.notes}, soft-deleted rows included) is sealed and its equality index
 * filled, so that lookups, live uniqueness and equality criteria, which go by the index, see the
 * old rows as well as new ones.
 *
 * <p>All of it is one unit of work and so one database transaction and one audited revision
 * ({@value #ACTION}, by the system actor, its reason naming the count). It is always an outermost
 * unit of its own, on a thread of its own: it never joins a host's transaction or a unit of work
 * of the opening thread. Rows Hibernate sees are changed as entities (flushed and cleared in
 * batches of {@value #BATCH}), so Envers writes their sealed state as the revision's {@code _aud}
 * rows and live rows equal their latest history (live drift stays clean); soft-deleted rows,
 * hidden from Hibernate, get a bound native update in the same transaction that applies only
 * while the row still holds the plain value read. A process killed part-way (kill -9) leaves the
 * transaction uncommitted, which every database rolls back on recovery: the database is as
 * before, and the next open with keys does the whole job again. History rows written before keys
 * keep their plain values: the hash chain covers them as plain text, so sealing them would break
 * {@code audit verify}. A user whose subject is in {@code erased_subject} (a keyless backup
 * restored with its carried erasures) stays erased: the plain email is replaced by the erased
 * placeholder sealed under the store key, as an erasure writes it, and no data key of the user
 * is created.
 *
 * <p>A value is plain when it does not have the form of a sealed value ({@link
 * FieldCrypto#isSealed}): the database preselects (case-sensitively, with {@code substr}, and by
 * the number of dots a sealed value has), Java decides.
 *
 * <p>Stores opening at once take turns: the transaction takes a PostgreSQL advisory lock before
 * it reads (SQLite: the write lock its transaction begins with; H2, opened by one process: a
 * lock in this JVM per database URL), and reads again under it; the one that comes second finds nothing plain and
 * writes nothing. A conflict with a writer without keys (values changed between reading and
 * sealing) is retried twice.
 *
 * <p>Idempotent and cheap when there is nothing to do: one existence query per table, on a
 * connection of its own, which reads only.
 */
@Internal(since = "0.3")
public final class SealExisting {
  /** The action of the revision that seals the plain values. */
  public static final String ACTION = "keys.seal-existing";

  /** How long the opener waits for the sealing thread. */
  static final long WAIT_MINUTES = 10;

  /** Entities changed between two flushes (and clears) of the sealing session. */
  static final int BATCH = 500;

  /** Key of the PostgreSQL advisory lock the sealing holds: "restocks" in ASCII. */
  private static final long SEAL_LOCK_KEY = 0x7265_7374_6f63_6b73L;

  /**
   * One sealing at a time per H2 database (by JDBC URL) in this process: H2, which one process
   * opens, has no other lock. Other databases take their own lock in the transaction.
   */
  private static final ConcurrentHashMap<String, ReentrantLock> H2_LOCKS =
      new ConcurrentHashMap<>();

  private static final Logger LOG = LoggerFactory.getLogger(SealExisting.class);

  private record Target(String table, String column, Class<? extends PlainPersonalValues> entity,
      String index, boolean softDeleted) {
    /** Values that may be plain: not starting with ENC1. (case-sensitive), or not 3 dots. */
    String candidate() {
      return column + " is not null and (substr(" + column + ", 1, 5) <> 'ENC1.' or length("
          + column + ") - length(replace(" + column + ", '.', '')) <> 3)";
    }
  }

  /** One plain value: its row, and whether the row is live (not soft-deleted). */
  private record Plain(Target target, String id, String value, boolean live) {}

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
   * Whether any live row (soft-deleted ones included) holds a plain personal value; one
   * existence query per table, reads only.
   *
   * @param dataSource the store's write pool (not a replica, which may lag)
   */
  public static boolean anyPlain(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      for (Target t : TARGETS) {
        try (PreparedStatement p = c.prepareStatement("select case when exists (select 1 from "
                + t.table() + " where " + t.candidate() + ") then 1 else 0 end");
            ResultSet r = p.executeQuery()) {
          r.next();
          if (r.getInt(1) == 1) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look for plain personal values: "
          + e.getMessage(), e);
    }
  }

  /**
   * Plain personal values in live rows, soft-deleted ones included; reads only.
   *
   * @param dataSource the store's write pool (not a replica, which may lag)
   */
  public static long countPlain(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return plainValues(c).size();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the plain personal values: "
          + e.getMessage(), e);
    }
  }

  private static List<Plain> plainValues(Connection c) throws SQLException {
    List<Plain> out = new ArrayList<>();
    for (Target t : TARGETS) {
      try (PreparedStatement p = c.prepareStatement("select id, " + t.column() + ", "
              + (t.softDeleted() ? "case when deleted_at is null then 1 else 0 end" : "1")
              + " from " + t.table() + " where " + t.candidate());
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String value = r.getString(2);
          if (!FieldCrypto.isSealed(value)) {
            out.add(new Plain(t, r.getString(1), value, r.getInt(3) == 1));
          }
        }
      }
    }
    return out;
  }

  /**
   * Seals every plain personal value of the live rows as one revision ({@value #ACTION}), in an
   * outermost unit of work of its own; nothing when there is none or {@code crypto} has no keys.
   * With {@code write} false (the store does not migrate at start) nothing is written: the plain
   * values found are counted and logged as a warning; so too with {@code openerInTransaction}
   * (the store is opened inside a unit of work or a host's transaction, whose locks the sealing,
   * on a thread of its own, could wait for).
   *
   * @param dataSource the store's write pool
   * @param sessionFactory the store's sessions
   * @param dialect the store's database
   * @param openerInTransaction whether the opening thread is in a unit of work or a host's
   *     transaction
   * @return how many values were sealed
   * @throws DuplicatePlainEmailException when live users share an email; nothing is written
   * @throws IllegalStateException when the database fails, or the sealing takes longer than
   *     {@value #WAIT_MINUTES} minutes; nothing is then written
   */
  public static long run(DataSource dataSource, SessionFactory sessionFactory,
      StoreDialect dialect, FieldCrypto crypto, boolean write, boolean openerInTransaction) {
    if (!crypto.enabled() || !anyPlain(dataSource)) {
      return 0;
    }
    if (write && openerInTransaction) {
      LOG.warn("{} personal value(s) in live rows are plain, written before the database had "
          + "keys; they were not sealed because this store was opened inside a unit of work or "
          + "a host's transaction (whose locks the sealing could wait for): lookups by email "
          + "still find them, but equality criteria and uniqueness do not. Open once outside a "
          + "transaction to seal them (docs/personal-data.md)", countPlain(dataSource));
      return 0;
    }
    if (!write) {
      LOG.warn("{} personal value(s) in live rows are plain, written before the database had "
          + "keys; they were not sealed because this store does not migrate at start "
          + "(migrateOnStart false): lookups by email still find them, but equality criteria "
          + "and uniqueness do not. Open once with migration at start to seal them "
          + "(docs/personal-data.md)", countPlain(dataSource));
      return 0;
    }
    // its own thread: no host transaction or unit of work bound to the caller's thread is joined
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        outcome.set(sealInTurn(dataSource, sessionFactory, dialect, crypto));
      } catch (RuntimeException | Error e) {
        outcome.set(e);
      }
    }, "restock-seal-existing");
    worker.start();
    try {
      worker.join(TimeUnit.MINUTES.toMillis(WAIT_MINUTES));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sealing plain personal values", e);
    }
    if (worker.isAlive()) {
      throw new IllegalStateException("sealing the plain personal values took more than "
          + WAIT_MINUTES + " minutes (waiting for a lock held elsewhere?); the store was not "
          + "opened, and the sealing rolls back unless it commits meanwhile");
    }
    Object result = outcome.get();
    if (result instanceof RuntimeException e) {
      throw e;
    }
    if (result instanceof Error e) {
      throw e;
    }
    return (Long) result;
  }

  private static long sealInTurn(DataSource dataSource, SessionFactory sessionFactory,
      StoreDialect dialect, FieldCrypto crypto) {
    // H2: stores of one process on one database take turns here (all H2 can do); the other
    // databases' own lock, taken in the transaction, decides (PostgreSQL advisory, SQLite write)
    if (!dialect.locksOnlyInProcess()) {
      return seal(dataSource, sessionFactory, dialect, crypto);
    }
    ReentrantLock lock = H2_LOCKS.computeIfAbsent(jdbcUrl(dataSource), u -> new ReentrantLock());
    lock.lock();
    try {
      return seal(dataSource, sessionFactory, dialect, crypto);
    } finally {
      lock.unlock();
    }
  }

  private static String jdbcUrl(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getURL();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's URL: " + e.getMessage(), e);
    }
  }

  private static long seal(DataSource dataSource, SessionFactory sessionFactory,
      StoreDialect dialect, FieldCrypto crypto) {
    JpaTransactions transactions = new JpaTransactions(sessionFactory, null);
    for (int attempt = 0; ; attempt++) {
      long found = countPlain(dataSource);
      if (found == 0) {
        return 0;
      }
      Actor system = new Actor(Actor.SYSTEM_ID, null, null, "sealed " + found
          + " plain personal values written before keys were turned on", null);
      try {
        return transactions.write(new AuditContext(system, ACTION), () -> {
          Session session = UnitOfWork.currentSession();
          List<Plain> plain = session.doReturningWork(c -> {
            dialect.lockInTransaction(c, SEAL_LOCK_KEY);
            return plainValues(c);
          });
          if (plain.isEmpty()) {
            return 0L; // another store sealed them while this one waited: nothing to write
          }
          if (plain.size() != found) {
            throw new CountChanged();
          }
          Set<String> erased = erasedUsers(session);
          refuseDuplicateEmails(session, crypto, plain, erased);
          if (sealAll(session, crypto, plain, erased) != found) {
            throw new CountChanged();
          }
          return found;
        });
      } catch (CountChanged | ConcurrentChangeException e) {
        if (attempt == 2) {
          throw new IllegalStateException("plain personal values kept changing while they were"
              + " sealed: a process without keys is writing to the database; stop it and open"
              + " again (nothing was sealed)");
        }
      }
    }
  }

  /**
   * Live users whose emails would share one index value, the plain ones to be sealed among
   * them: the unique index would refuse the sealing with a bare constraint error.
   */
  private static void refuseDuplicateEmails(Session session, FieldCrypto crypto,
      List<Plain> plain, Set<String> erased) {
    Map<String, List<UUID>> byIndex = new LinkedHashMap<>();
    boolean anyLivePlainEmail = false;
    for (Plain p : plain) {
      if (p.live() && p.target().table().equals("app_user") && !erased.contains(p.id())) {
        anyLivePlainEmail = true;
        byIndex.computeIfAbsent(crypto.index("app_user", "email", p.value()),
            k -> new ArrayList<>()).add(UUID.fromString(p.id()));
      }
    }
    if (!anyLivePlainEmail) {
      return;
    }
    List<Object[]> sealed = session.createNativeQuery("select id, email_hmac from app_user where "
        + "deleted_at is null and email_hmac is not null", Object[].class).getResultList();
    for (Object[] row : sealed) {
      List<UUID> same = byIndex.get(String.valueOf(row[1]));
      if (same != null) {
        same.add(0, UUID.fromString(row[0].toString()));
      }
    }
    List<List<UUID>> duplicates = byIndex.values().stream().filter(ids -> ids.size() > 1)
        .toList();
    if (!duplicates.isEmpty()) {
      throw new DuplicatePlainEmailException(duplicates);
    }
  }

  /**
   * Ids of the users whose subject is in {@code erased_subject} (a keyless backup restored with
   * its carried erasures can still hold their plain emails).
   */
  private static Set<String> erasedUsers(Session session) {
    String prefix = FieldCrypto.userSubject("");
    Set<String> ids = new HashSet<>();
    for (Object subject : session.createNativeQuery("select subject from erased_subject where "
        + "substr(subject, 1, " + prefix.length() + ") = :p", Object.class)
        .setParameter("p", prefix).getResultList()) {
      ids.add(subject.toString().substring(prefix.length()));
    }
    return ids;
  }

  private static long sealAll(Session session, FieldCrypto crypto, List<Plain> plain,
      Set<String> erased) {
    long sealed = 0;
    int inBatch = 0;
    for (Plain p : plain) {
      boolean erasedUser = p.target().table().equals("app_user") && erased.contains(p.id());
      if (p.live()) {
        PlainPersonalValues e = Finds.find(session, p.target().entity(), UUID.fromString(p.id()));
        if (e == null) {
          throw new CountChanged(); // soft-deleted (or deleted) since it was read
        }
        if (erasedUser) {
          // the placeholder under the store key, as an erasure writes it: no key of the user
          ((UserEntity) e).erase(crypto);
          sealed++;
        } else {
          sealed += e.sealPlain(crypto);
        }
        if (++inBatch == BATCH) {
          session.flush();
          session.clear();
          inBatch = 0;
        }
      } else {
        sealed += sealDeleted(session, crypto, p, erasedUser);
      }
    }
    session.flush();
    return sealed;
  }

  /** Soft-deleted rows are hidden from Hibernate: a bound native update each. */
  private static int sealDeleted(Session session, FieldCrypto crypto, Plain p,
      boolean erasedUser) {
    Target t = p.target();
    // an erased user's row gets the erased placeholder under the store key (JpaUsers.erase)
    String subject = erasedUser ? FieldCrypto.STORE : FieldCrypto.subjectOf(t.table(), p.id());
    String value = erasedUser ? User.erasedEmail(UUID.fromString(p.id())) : p.value();
    var update = session.createNativeMutationQuery("update " + t.table() + " set "
            + t.column() + " = :v, " + t.index() + " = :h" + (erasedUser ? ", active = :a" : "")
            + " where id = :id and " + t.column() + " = :plain and deleted_at is not null")
        .setParameter("v", crypto.seal(t.table(), t.column(), subject, value, null))
        .setParameter("h", crypto.index(t.table(), t.column(), value))
        .setParameter("id", p.id())
        .setParameter("plain", p.value());
    if (erasedUser) {
      update.setParameter("a", false);
    }
    int updated = update.executeUpdate();
    if (updated != 1) {
      throw new CountChanged();
    }
    return 1;
  }
}
