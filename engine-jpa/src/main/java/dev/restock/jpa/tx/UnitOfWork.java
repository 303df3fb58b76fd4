package dev.restock.jpa.tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.restock.api.audit.AuditContext;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The unit of work bound to the current thread: its Hibernate session and, for writes, the audit
 * context. Bound only by {@link JpaTransactions} for the duration of the outermost unit.
 */
public final class UnitOfWork {
  private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

  private final Session session;
  private AuditContext context;
  private final boolean readOnly;
  private boolean rollbackOnly;
  private final List<Runnable> beforeCommit = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final Map<Object, Object> attributes = new HashMap<>();

  UnitOfWork(Session session, AuditContext context, boolean readOnly) {
    this.session = session;
    this.context = context;
    this.readOnly = readOnly;
  }

  public Session session() {
    return session;
  }

  /** The audit context of a write unit; null for a read-only one. */
  public AuditContext context() {
    return context;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /**
   * Runs {@code hook} at commit, after Hibernate and Envers have written everything (audit rows
   * included) and before the database commits; a failure rolls the unit back.
   */
  public void beforeCommit(Runnable hook) {
    beforeCommit.add(hook);
  }

  /** Runs {@code hook} after the unit committed; never after a rollback. */
  public void afterCommit(Runnable hook) {
    afterCommit.add(hook);
  }

  /** Per-unit state kept by store components (e.g. the revision being written). */
  @SuppressWarnings("unchecked")
  public <T> T attribute(Object key, java.util.function.Supplier<T> initial) {
    return (T) attributes.computeIfAbsent(key, k -> initial.get());
  }

  List<Runnable> beforeCommitHooks() {
    return beforeCommit;
  }

  List<Runnable> afterCommitHooks() {
    return afterCommit;
  }

  /**
   * A unit joined to a host's transaction is made before its first write: the first write's
   * context becomes the unit's, which its one history revision records.
   */
  void useContext(AuditContext writing) {
    if (context == null) {
      context = writing;
    }
  }

  void markRollbackOnly() {
    rollbackOnly = true;
  }

  boolean rollbackOnly() {
    return rollbackOnly;
  }

  /** Whether a unit of work is bound to the calling thread. */
  public static boolean active() {
    return CURRENT.get() != null;
  }

  static Optional<UnitOfWork> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  static void bind(UnitOfWork unit) {
    CURRENT.set(unit);
  }

  static void unbind() {
    CURRENT.remove();
  }

  /** Binds {@code unit} (null: none) and answers the unit bound before, to restore it after. */
  static UnitOfWork swap(UnitOfWork unit) {
    UnitOfWork previous = CURRENT.get();
    if (unit == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(unit);
    }
    return previous;
  }

  /** The current unit's session. @throws IllegalStateException outside a unit of work */
  public static Session currentSession() {
    UnitOfWork unit = CURRENT.get();
    if (unit == null) {
      throw new IllegalStateException(
          "no unit of work on this thread: call repositories inside TransactionBoundary.read/write");
    }
    return unit.session;
  }

  /** The current read-write unit. @throws IllegalStateException outside one */
  public static UnitOfWork requireWrite() {
    UnitOfWork unit = CURRENT.get();
    if (unit == null || unit.readOnly) {
      throw new IllegalStateException(
          "this change needs a read-write unit of work (TransactionBoundary.write)");
    }
    return unit;
  }
}
