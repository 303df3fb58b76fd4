package dev.restock.jpa.tx;

import dev.restock.api.stability.Experimental;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * One transaction of the host, open on the calling thread, that the engine's unit of work joins.
 * Implemented by framework integrations; see {@link HostTransactions}.
 *
 * @since 0.1
 */
@Experimental(since = "0.1")
public interface HostTransaction {

  /**
   * The transaction's connection to the store's database, in a transaction (auto-commit off).
   * The engine never commits, rolls back or closes it: it wraps it so that Hibernate cannot, and
   * the host does all three when its transaction ends. Never null.
   */
  Connection connection();

  /** Whether the host declared the transaction read-only; the engine then refuses to write. */
  boolean readOnly();

  /**
   * Makes the host roll the transaction back when it ends, whatever else happens: the engine
   * calls it when a use case inside the transaction fails (its exception also reaches the
   * caller).
   */
  void setRollbackOnly();

  /**
   * The participant joined to this transaction under {@code key}: on the first call for a key,
   * the one {@code join} makes, which the host then keeps for exactly this transaction (a nested
   * transaction that suspends this one does not see it) and calls back when the transaction
   * ends; later calls with the same key in the same transaction answer the same participant.
   *
   * @param key identifies the participant (the engine uses its store's transaction boundary)
   * @param join makes the participant, called at most once per transaction and key
   */
  <P extends Participant> P participant(Object key, Supplier<P> join);

  /**
   * Something that takes part in the host's transaction: the engine's unit of work. The host
   * calls it on the thread that ends the transaction.
   */
  interface Participant {

    /**
     * Called before the host commits, while the connection is still in the transaction: the
     * engine writes what is left (its history revision, audit rows, the hash chain's seal).
     * An exception makes the host roll back instead of committing, and reaches the host's
     * caller. Not called when the transaction rolls back.
     */
    void beforeCommit();

    /**
     * Called once the transaction has ended, committed or rolled back: the engine runs its
     * after-commit actions (plugin audit sinks, checkpoint counters) only if it committed, and
     * releases its session. Must not throw; the host logs what it does.
     *
     * @param committed whether the host's transaction committed
     */
    void afterCompletion(boolean committed);
  }
}
