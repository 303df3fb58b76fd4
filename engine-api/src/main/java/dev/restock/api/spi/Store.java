package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.audit.port.out.AuditLog;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.serviceorder.port.out.NumberSeries;
import dev.restock.api.serviceorder.port.out.ServiceOrderStore;
import dev.restock.api.stock.port.out.DeliveryNotes;
import dev.restock.api.stock.port.out.StockLevels;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.api.user.port.out.Users;

/**
 * An open store: every outbound port the engine needs, sharing one {@link TransactionBoundary}.
 * The engine closes the store when it is closed; closing releases every connection and thread.
 *
 * <p>This page holds the rules every port follows; each port's Javadoc adds what is particular to
 * it and links back here. The TCK checks them, and names the suites that do; a rule marked
 * <em>not checked by the kit</em> is what the bundled stores do and the engine relies on, but no
 * kit case would catch a store that broke it.
 *
 * <h2 id="units">Units of work and exceptions</h2>
 * Every port method runs inside a unit of work of {@link #transactions()} on the calling thread;
 * {@link TransactionBoundary} states the rules (joining, rollback, the rollback-only rule after a
 * caught nested failure, a write nested in a read, after-commit actions). A port method called
 * with no unit of work running on the thread throws {@link IllegalStateException} and reads or
 * writes nothing; a write called in a read-only unit throws {@link IllegalStateException} too.
 * Ports are thread-safe: different threads may use them at once, each in its own unit of work.
 * Failures are typed:
 * <ul>
 *   <li>{@link dev.restock.api.error.ConflictException}: a value unique among live rows is
 *       taken, or the {@code version} of an update is stale;
 *   <li>{@link dev.restock.api.error.ConcurrentChangeException} (a kind of conflict): the unit lost
 *       a race with a concurrent one (optimistic lock, serialization failure, deadlock, lock
 *       timeout), and only for those, since the engine runs the whole unit again on it;
 *   <li>{@link dev.restock.api.error.NotFoundException}: the row a write names is not there in the
 *       state the write needs (a live row to update or delete, a deleted one to restore);
 *   <li>{@link dev.restock.api.error.StoreUnavailableException}: the database cannot be reached;
 *       a read that failed never answers "absent" instead (not checked by the kit);
 *   <li>{@link IllegalArgumentException}: a value the port refuses, such as a negative stock level.
 * </ul>
 *
 * <h2 id="isolation">Isolation and concurrency</h2>
 * A read never sees another unit's uncommitted changes, nor half of a committed one (the store
 * contract counts rows while another thread adds them in pairs): read committed is the least a
 * store may offer; stronger is allowed. Read-write units may run in parallel (the JPA store runs
 * them so on PostgreSQL and H2; the in-memory store runs them one at a time, also correct);
 * when they do, the store must still keep values unique among live rows under concurrent writers
 * (of eight units adding one sku at once, exactly one succeeds), refuse an update of a stale
 * version, never lose a stock update ({@link dev.restock.api.stock.port.out.StockLevels}), and
 * keep numbers gapless ({@link dev.restock.api.serviceorder.port.out.NumberSeries}). A store whose
 * writers are not serial should lock in {@code ServiceOrderStore.findForUpdate} and
 * {@code StockLevels.onHandForUpdate}, so that ordinary concurrent work never conflicts
 * ({@code ConcurrencyContract}, {@code ServiceOrderContract}).
 *
 * <h2 id="clock">Clock</h2>
 * The store stamps what it writes (audit stamps, revision times) with its own clock, which the
 * bundled stores take as a {@link java.time.Clock} when they are opened; stamps are kept to at
 * least the millisecond. The engine does not need that clock to be the wall clock, but the kit's
 * history-at-a-time cases read a revision's time back and wait for the wall clock to pass it, so
 * a store under the kit must be opened with a clock that follows the wall clock. Times passed in by the caller (a sale's
 * {@code recordedAt}, an audit event's {@code at}, a delivery note's {@code issuedAt}) are stored
 * as given.
 *
 * <h2 id="visibility">Soft delete and visibility</h2>
 * Aggregates are soft-deleted: the row stays, marked with its deletion time, and history records
 * the deletion; a restore brings it back as a revision of its own. Unless a method takes a
 * {@link dev.restock.api.query.Visibility} or says otherwise, reads see live rows only, and values
 * are unique among live rows only (a deleted row's sku may be taken again, and the old row then
 * cannot be restored). Reports count live rows only. Records that are never deleted (sales,
 * service orders, delivery notes, audit events) keep pointing at rows deleted since: a sale is
 * still found by the sku, device and route of a product or device deleted after it was recorded
 * ({@code StoreContract}).
 *
 * <h2 id="search">Searching and ordering</h2>
 * {@link dev.restock.api.query.Criteria} states how criteria match and sort (text comparison,
 * nulls, ties) and {@link dev.restock.api.query.TextQuery} how text search matches; both are the
 * same on every store ({@code StoreContract}, {@code SearchContract}). A page carries the total
 * number of matching rows; a page past the last one is empty, not an error. Each port names its
 * natural order and the key that breaks ties, so that paging is stable. "Newest first" always
 * says by which field.
 *
 * <h2 id="reads">Number of reads</h2>
 * Where a method says "in one read" or "in a fixed number of reads", the number of statements it
 * sends must not grow with the number of ids or the page size. Not checked by the kit; the JPA
 * store's own tests count its statements.
 *
 * <h2 id="history">History</h2>
 * Every change to an audited aggregate is recorded as a revision of the unit of work that made it,
 * under that unit's {@link dev.restock.api.audit.AuditContext} (the outermost one when units are
 * nested), and every revision is chained by hash; {@link
 * dev.restock.api.audit.port.out.AuditHistory} reads it back. A unit that writes nothing leaves no
 * revision, and a rolled-back unit leaves neither rows, revisions, audit events nor chain links.
 */
@Stable(since = "0.1")
public interface Store extends AutoCloseable {

  /**
   * Short description for logs and health, e.g. {@code jpa-sqlite:/data/restock.db}; never blank
   * ({@code StoreContract}). Callable outside a unit of work.
   */
  String description();

  /** The units of work every port of this store runs in; the same instance on every call. */
  TransactionBoundary transactions();

  /**
   * A round trip to the database with schema version and pool figures; never throws, and answers
   * {@code up = false} with the problem instead. Callable outside a unit of work. The kit checks
   * that an open store answers up, with no problem, a latency and pool figures.
   */
  @Experimental(since = "0.1")
  dev.restock.api.ops.Health health();

  /**
   * What the store has done since it opened. Callable outside a unit of work. The kit checks that
   * committed units of work and inserted entities are counted.
   */
  @Experimental(since = "0.1")
  dev.restock.api.ops.Statistics statistics();

  /**
   * How long opening this store took, phase by phase (see {@link dev.restock.api.ops.StartupReport}
   * for the JPA store's phase names). Callable outside a unit of work, from any thread; the same
   * report on every call. A store that does not measure its opening reports
   * {@link dev.restock.api.ops.StartupReport#NONE}, the default.
   */
  @Experimental(since = "0.2")
  default dev.restock.api.ops.StartupReport startupReport() {
    return dev.restock.api.ops.StartupReport.NONE;
  }

  /** Products; see {@link Products}. */
  Products products();

  /** Locations; see {@link Locations}. */
  Locations locations();

  /** Routes; see {@link Routes}. */
  Routes routes();

  /** Device types; see {@link DeviceTypes}. */
  DeviceTypes deviceTypes();

  /** Cabinet types; see {@link CabinetTypes}. */
  CabinetTypes cabinetTypes();

  /** Devices with their cabinets; see {@link Devices}. */
  Devices devices();

  /** Planograms with their slots; see {@link Planograms}. */
  Planograms planograms();

  /** Users; see {@link Users}. */
  Users users();

  /** The append-only record of sales; see {@link SalesLedger}. */
  SalesLedger sales();

  /** The history of audited entities and its hash chain; see {@link AuditHistory}. */
  AuditHistory history();

  /** The store's own audit sink and its queries; see {@link AuditLog}. */
  @Experimental(since = "0.1")
  AuditLog auditLog();

  /** Service orders with their visits and lines; see {@link ServiceOrderStore}. */
  ServiceOrderStore serviceOrders();

  /** Gapless document numbers; see {@link NumberSeries}. */
  NumberSeries numberSeries();

  /** Warehouse stock levels; see {@link StockLevels}. */
  StockLevels stock();

  /** Issued delivery notes; see {@link DeliveryNotes}. */
  DeliveryNotes deliveryNotes();

  /**
   * The reports as the store computes them; see {@link
   * dev.restock.api.report.port.out.ReportQueries}.
   */
  @Experimental(since = "0.1")
  dev.restock.api.report.port.out.ReportQueries reports();

  /**
   * The append-only record of machine reads; see {@link
   * dev.restock.api.reads.port.out.MachineReads}.
   */
  @Experimental(since = "0.2")
  dev.restock.api.reads.port.out.MachineReads machineReads();

  /** Releases every connection and thread; the engine calls it once, when it is closed. */
  @Override
  void close();
}
