package dev.restock.plugin.tck;

import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The whole store kit in one class: every port's contract, the history chain, the tamper cases and
 * the promises of the ports' Javadoc, each test on a store opened fresh and empty. A store author
 * extends this one class with {@link #freshStore()} (a factory of fresh stores), answers {@link
 * #tampering()} with a {@link HistoryTampering} that alters the store's recorded history the way
 * someone with write access to its storage could, and may override {@link #cleanUp()}:
 *
 * <pre>{@code
 * class MyStoreKitTest extends StoreContract {
 *   protected StoreFactory freshStore() { return MyStore.factory(); }
 *   public HistoryTampering tampering() { return new MyStoreTampering((MyStore) store()); }
 * }
 * }</pre>
 *
 * <p>The cases live in one interface per port, which this class implements: {@link
 * ProductsContract} (and through it what every repository port shares: versions, soft delete and
 * its visibilities, restore, uniqueness among live rows, paging, text and criteria search),
 * {@link DevicesContract}, {@link PlanogramsContract}, {@link UsersContract}, {@link
 * ServiceOrderStoreContract}, {@link StockLevelsContract}, {@link DeliveryNotesContract}, {@link
 * SalesLedgerContract}, {@link MachineReadsContract}, {@link AuditHistoryContract}, {@link
 * AuditLogContract}, {@link NumberSeriesContract}, {@link ReportQueriesContract}, {@link
 * TransactionBoundaryContract}, {@link StoreHealthContract}, {@link HistoryChainContract}, {@link
 * HistoryTamperContract} and
 * {@link StorePromisesContract} (exact lookups, time bounds, equal-time order, after-commit order,
 * writes that record no revision, code-point order of text, grid order of positions). A failing
 * case names its port by its interface. The engine-level suites ({@link EngineContract}, {@link
 * SearchContract} and the others the package description lists) run the whole engine on the
 * store and are extended separately.
 *
 * <p>No case sleeps: concurrent steps are ordered with latches and semaphores, and a case that
 * must tell two revisions apart by time reads the instant back from the store and waits for the
 * wall clock to pass it, so it assumes the store stamps revisions with the wall clock (to the
 * millisecond or finer).
 *
 * <p>Values given to criteria are already of the field types, as the engine passes them after
 * checking them against {@link dev.restock.api.query.SearchFields}. {@link StoreFixture} writes
 * the rows the cases need through the store's own ports.
 */
public abstract class StoreContract implements ProductsContract, DevicesContract,
    PlanogramsContract, UsersContract, ServiceOrderStoreContract, StockLevelsContract,
    DeliveryNotesContract, SalesLedgerContract, MachineReadsContract, AuditHistoryContract,
    AuditLogContract, NumberSeriesContract, ReportQueriesContract, TransactionBoundaryContract,
    StoreHealthContract, HistoryChainContract, HistoryTamperContract,
    StorePromisesContract {
  private Store store;

  /** For subclasses. */
  protected StoreContract() {}

  /**
   * A factory opening a store on a new, empty database (or in-memory state); called before each
   * test.
   *
   * @return a factory whose {@code open()} gives a fresh, empty store
   */
  protected abstract StoreFactory freshStore();

  /** Called after each test, after the store is closed; drop what {@link #freshStore} made. */
  protected void cleanUp() {}

  @BeforeEach
  void openStore() {
    store = freshStore().open();
  }

  @AfterEach
  void closeStore() {
    store.close();
    cleanUp();
  }

  @Override
  public final Store store() {
    return store;
  }
}
