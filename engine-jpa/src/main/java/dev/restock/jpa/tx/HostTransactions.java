package dev.restock.jpa.tx;

import dev.restock.api.stability.Experimental;
import java.util.Optional;

/**
 * The host application's transactions, as a store running on the host's {@code DataSource} sees
 * them: the service provider interface a framework integration implements (the Spring Boot
 * starter implements it over Spring's transaction synchronization). Give it to the store with
 * {@link dev.restock.jpa.config.JpaStoreConfig#withHostTransactions}.
 *
 * <p>When a use case starts while {@link #current()} answers a transaction, the engine's unit of
 * work joins it instead of opening its own: its Hibernate session runs on the host's connection,
 * writes nothing the host does not commit, and is never retried by the engine. One host
 * transaction is one unit of work of the engine, recorded as one history revision.
 *
 * <p>Threading: {@link #current()} is called on the thread that runs the use case and answers
 * for that thread only; it must be cheap and free of side effects.
 *
 * @since 0.1
 */
@Experimental(since = "0.1")
@FunctionalInterface
public interface HostTransactions {

  /** No host transactions: the engine always runs its own units of work. */
  HostTransactions NONE = Optional::empty;

  /**
   * The host's transaction active on the calling thread on the store's {@code DataSource}, or
   * empty when there is none (then the engine runs the use case in a unit of work of its own).
   * A transaction of the host on another resource, or a transaction that is suspended, is not
   * current.
   */
  Optional<HostTransaction> current();
}
