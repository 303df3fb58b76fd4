package dev.restock.jpa.tx;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.tx.TransactionBoundary;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Units of work over Hibernate sessions. The outermost call opens a session and a transaction;
 * nested calls on the same thread join it. An exception escaping any level rolls the whole unit
 * back, even if an outer level catches it.
 *
 * <p>When a separate read pool is given (SQLite), read-only units run on its connections, which
 * begin DEFERRED transactions, so readers never take the write lock that write units take at
 * BEGIN IMMEDIATE.
 *
 * <p>With a {@link ReadRouting} (a PostgreSQL read replica), outermost read-only units run on
 * the replica when it routes them there, and again on the primary when the replica fails them
 * for want of it; every read-write unit runs on the primary.
 *
 * <p>With {@link HostTransactions}, an outermost call made while the host has a transaction open
 * on the calling thread joins it instead (see {@link HostUnit}): every call inside one host
 * transaction shares one unit of work, which commits or rolls back with the host's transaction.
 */
public final class JpaTransactions implements TransactionBoundary {
  private static final Logger LOG = LoggerFactory.getLogger(JpaTransactions.class);
  private final SessionFactory sessionFactory;
  private final DataSource readPool;
  private final HostTransactions host;
  private final ReadRouting replica;

  /** @param readPool connections for read-only units, or null to use the session factory's own */
  public JpaTransactions(SessionFactory sessionFactory, DataSource readPool) {
    this(sessionFactory, readPool, HostTransactions.NONE);
  }

  /**
   * @param readPool connections for read-only units, or null to use the session factory's own
   * @param host the host's transactions that outermost units join when one is open
   */
  public JpaTransactions(SessionFactory sessionFactory, DataSource readPool,
      HostTransactions host) {
    this(sessionFactory, readPool, host, null);
  }

  /**
   * @param readPool connections for read-only units, or null to use the session factory's own
   * @param host the host's transactions that outermost units join when one is open
   * @param replica where outermost read-only units may run instead of the primary, or null
   */
  public JpaTransactions(SessionFactory sessionFactory, DataSource readPool,
      HostTransactions host, ReadRouting replica) {
    this.sessionFactory = sessionFactory;
    this.readPool = readPool;
    this.host = Objects.requireNonNull(host, "host");
    this.replica = replica;
  }

  private Optional<HostUnit> hostUnit() {
    return host.current().map(transaction -> transaction.participant(this,
        () -> HostUnit.join(sessionFactory, transaction)));
  }

  @Override
  public <T> T write(AuditContext context, Supplier<T> work) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(work, "work");
    Optional<UnitOfWork> current = UnitOfWork.current();
    if (current.isPresent()) {
      if (current.get().readOnly()) {
        throw new IllegalStateException(
            "a read-write unit of work cannot run inside a read-only one (" + context.action() + ")");
      }
      return join(current.get(), work);
    }
    Optional<HostUnit> joined = hostUnit();
    if (joined.isPresent()) {
      return joined.get().run(context, work);
    }
    return outermost(context, false, work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    Optional<UnitOfWork> current = UnitOfWork.current();
    if (current.isPresent()) {
      return join(current.get(), work);
    }
    Optional<HostUnit> joined = hostUnit();
    if (joined.isPresent()) {
      return joined.get().run(null, work);
    }
    if (replica != null) {
      return onReplica(work);
    }
    return outermost(null, true, work);
  }

  /**
   * An outermost read-only unit where the replica routing says, and on the primary when the
   * replica fails it for want of it: a read-only unit wrote nothing, so running it again is safe,
   * and the caller sees only the primary's outcome.
   */
  private <T> T onReplica(Supplier<T> work) {
    Connection connection = replica.readConnection();
    if (connection == null) {
      return outermost(null, true, work);
    }
    T result;
    try {
      result = attempt(null, true, work, connection);
    } catch (RuntimeException e) {
      if (!Failures.replicaUnavailable(e)) {
        // the replica answered; the unit's own failure (not found, refused) is the caller's
        replica.served();
        throw e;
      }
      replica.failed(e);
      return outermost(null, true, work);
    }
    replica.served();
    return result;
  }

  private static <T> T join(UnitOfWork unit, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      unit.markRollbackOnly();
      throw Failures.translate(e);
    } catch (Error e) {
      unit.markRollbackOnly();
      throw e;
    }
  }

  /**
   * How long a unit of work keeps trying to begin when SQLite reports the write lock busy after
   * its own busy timeout (5 s): under heavy contention from several processes a writer may wait
   * longer than that, and nothing has been done yet, so beginning again is safe.
   */
  static final long BEGIN_RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  /** Beginning the transaction failed because the database was busy; nothing was done. */
  private static final class BeginBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BeginBusy(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  private <T> T outermost(AuditContext context, boolean readOnly, Supplier<T> work) {
    long deadline = System.nanoTime() + BEGIN_RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(context, readOnly, work);
      } catch (BeginBusy busy) {
        if (System.nanoTime() > deadline) {
          throw Failures.translate((RuntimeException) busy.getCause());
        }
        LOG.debug("database busy at begin (attempt {}); trying again", attempt);
        try {
          Thread.sleep(Math.min(500, 25L * attempt)
              + java.util.concurrent.ThreadLocalRandom.current().nextLong(25));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Failures.translate((RuntimeException) busy.getCause());
        }
      }
    }
  }

  /**
   * sqlite-jdbc marks a connection as in a transaction before it runs BEGIN; when BEGIN fails
   * (busy), the connection is left claiming a transaction it does not have, and the next unit of
   * work on it would run its statements in autocommit mode and fail at commit. Switching
   * autocommit back on clears the mark (the driver's complaint that there is nothing to commit
   * is expected and ignored).
   */
  private static void resetAfterFailedBegin(Session session) {
    try {
      session.doWork(connection -> {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException expected) {
          // "cannot commit - no transaction is active": the flag is reset all the same
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("could not reset a connection after a failed begin", e);
    }
  }

  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  private <T> T attempt(AuditContext context, boolean readOnly, Supplier<T> work) {
    return attempt(context, readOnly, work, null);
  }

  /** @param onReplica a replica connection to run a read-only unit on, or null */
  private <T> T attempt(AuditContext context, boolean readOnly, Supplier<T> work,
      Connection onReplica) {
    Connection supplied = onReplica != null ? onReplica
        : readOnly && readPool != null ? connection(readPool) : null;
    Session session = supplied == null ? sessionFactory.openSession()
        : sessionFactory.withOptions().connection(supplied).openSession();
    Transaction tx = null;
    boolean committing = false;
    try {
      if (readOnly) {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
      }
      if (onReplica != null) {
        // what the replica returns may be older than the primary's rows: read the shared cache,
        // never fill it (CacheMode.GET), so no older state outlives a later write in it
        session.setCacheMode(CacheMode.GET);
      }
      UnitOfWork unit = new UnitOfWork(session, context, readOnly);
      UnitOfWork.bind(unit);
      try {
        tx = session.beginTransaction();
      } catch (RuntimeException e) {
        if (busy(e)) {
          resetAfterFailedBegin(session);
          throw new BeginBusy(e);
        }
        throw e;
      }
      T result = work.get();
      if (unit.rollbackOnly()) {
        throw new IllegalStateException("a nested unit of work failed and its exception was "
            + "caught; the whole unit of work was rolled back");
      }
      if (!readOnly) {
        session.flush();
        // registered last, so it runs after Envers has written the revision and its audit rows
        session.unwrap(SessionImplementor.class).getActionQueue().registerCallback(
            (TransactionCompletionCallbacks.BeforeCompletionCallback) s -> {
              for (int i = 0; i < unit.beforeCommitHooks().size(); i++) {
                unit.beforeCommitHooks().get(i).run();
              }
            });
      }
      committing = true;
      tx.commit();
      if (!readOnly && replica != null) {
        // before the after-commit actions, which may read on other threads
        replica.wrote();
      }
      runAfterCommit(unit);
      return result;
    } catch (BeginBusy e) {
      throw e;
    } catch (RuntimeException e) {
      rollback(tx, e);
      throw Failures.translate(e);
    } catch (Error e) {
      rollback(tx, e);
      throw e;
    } finally {
      if (committing && !readOnly && replica != null) {
        // a commit that failed on the way back may have committed: later reads must see it
        replica.wrote();
      }
      UnitOfWork.unbind();
      session.close();
      if (supplied != null) {
        try {
          supplied.close();
        } catch (SQLException e) {
          // the pool discards a connection it cannot take back; nothing is lost
        }
      }
    }
  }

  private static void runAfterCommit(UnitOfWork unit) {
    UnitOfWork.unbind();
    for (Runnable hook : unit.afterCommitHooks()) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        LOG.error("an after-commit action failed; the unit of work itself is committed", e);
      }
    }
  }

  @Override
  public boolean inUnitOfWork() {
    // a host transaction is a unit someone else opened: never retried behind the host's back
    return UnitOfWork.current().isPresent() || host.current().isPresent();
  }

  @Override
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    UnitOfWork.requireWrite().afterCommit(action);
  }

  private static void rollback(Transaction tx, Throwable failure) {
    if (tx == null || !tx.isActive()) {
      return;
    }
    try {
      tx.rollback();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static Connection connection(DataSource pool) {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot get a database connection: " + e.getMessage(), e);
    }
  }
}
