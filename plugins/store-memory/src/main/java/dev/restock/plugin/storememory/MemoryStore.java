package dev.restock.plugin.storememory;

import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.audit.port.out.AuditLog;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.api.ops.Health;
import dev.restock.api.ops.Statistics;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.report.port.out.ReportQueries;
import dev.restock.api.serviceorder.port.out.NumberSeries;
import dev.restock.api.serviceorder.port.out.ServiceOrderStore;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.stock.port.out.DeliveryNotes;
import dev.restock.api.stock.port.out.StockLevels;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.api.user.port.out.Users;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A store that keeps everything in memory: every outbound port of the engine, with the same
 * behaviour as the JPA store where the ports promise it. Units of work commit whole or not at all
 * (a journal undoes a failed one) and are serializable: read-write units run one at a time,
 * read-only units together between them. Soft delete with the three visibilities, restore
 * (device and planogram cascades included), uniqueness among live rows, optimistic versions,
 * history revisions with who/when/why, audit events, a verifiable hash chain and gapless numbers.
 *
 * <p>For tests and very small embeddings: nothing survives {@link #close()} or the process, no
 * other process sees the data, and every read scans its rows (no indexes). Foreign keys are not
 * enforced; the engine checks references before it writes.
 *
 * <pre>{@code
 * Restock engine = RestockEngine.builder().store(MemoryStore.factory()).build();
 * }</pre>
 */
public final class MemoryStore implements Store {
  private final MemoryDb db;
  private final MemoryProducts products;
  private final MemoryLocations locations;
  private final MemoryRoutes routes;
  private final MemoryDeviceTypes deviceTypes;
  private final MemoryCabinetTypes cabinetTypes;
  private final MemoryDevices devices;
  private final MemoryPlanograms planograms;
  private final MemoryUsers users;
  private final MemorySalesLedger sales;
  private final MemoryMachineReads machineReads;
  private final MemoryAuditLog auditLog;
  private final MemoryServiceOrders serviceOrders;
  private final MemoryNumberSeries numberSeries;
  private final MemoryStockLevels stock;
  private final MemoryDeliveryNotes deliveryNotes;
  private final MemoryReports reports;
  /** Whether {@link #close()} leaves the data in place (a tenant's store, reopened later). */
  private final boolean kept;

  private MemoryStore(Clock clock) {
    this(clock, false);
  }

  private MemoryStore(Clock clock, boolean kept) {
    this.kept = kept;
    db = new MemoryDb(clock);
    products = new MemoryProducts(db);
    locations = new MemoryLocations(db);
    routes = new MemoryRoutes(db);
    deviceTypes = new MemoryDeviceTypes(db);
    cabinetTypes = new MemoryCabinetTypes(db);
    devices = new MemoryDevices(db);
    planograms = new MemoryPlanograms(db, devices);
    devices.planograms(planograms);
    users = new MemoryUsers(db);
    machineReads = new MemoryMachineReads(db);
    sales = new MemorySalesLedger(db, planograms::devicesOfSlots, devices::routeOf,
        products::skuOf);
    auditLog = new MemoryAuditLog(db);
    serviceOrders = new MemoryServiceOrders(db);
    numberSeries = new MemoryNumberSeries(db);
    stock = new MemoryStockLevels(db, products);
    deliveryNotes = new MemoryDeliveryNotes(db, serviceOrders::routeOf);
    reports = new MemoryReports(this);
  }

  /** Opens a new, empty store on each call, stamping times from the system clock (UTC). */
  public static StoreFactory factory() {
    return factory(Clock.systemUTC());
  }

  /** Opens a new, empty store on each call, stamping times from {@code clock}. */
  public static StoreFactory factory(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return () -> new MemoryStore(clock);
  }

  @Override
  public String description() {
    return "memory";
  }

  @Override
  public TransactionBoundary transactions() {
    return db;
  }

  /** There are no connections: every pool figure is 0. */
  private static final Health.PoolStatus NO_POOL = new Health.PoolStatus(0, 0, 0, 0);

  /**
   * Up while open; the latency is how long taking the read lock took (a reader waits for a
   * running write unit), there is no schema version, and the pool figures are 0.
   */
  @Override
  public Health health() {
    long start = System.nanoTime();
    if (db.closed()) {
      return new Health(false, description(), Duration.ZERO, null, NO_POOL,
          "the store is closed");
    }
    db.probe();
    return new Health(true, description(), Duration.ofNanos(System.nanoTime() - start),
        "none (in memory)", NO_POOL, null);
  }

  /** Units of work and rows read and written; there are no statements, queries or caches. */
  @Override
  public Statistics statistics() {
    return new Statistics(0, db.transactions.get(), db.loads.get(), db.inserts.get(),
        db.updates.get(), db.deletes.get(), db.queries.get(), List.of(), 0, 0);
  }

  @Override public Products products() { return products; }
  @Override public Locations locations() { return locations; }
  @Override public Routes routes() { return routes; }
  @Override public DeviceTypes deviceTypes() { return deviceTypes; }
  @Override public CabinetTypes cabinetTypes() { return cabinetTypes; }
  @Override public Devices devices() { return devices; }
  @Override public Planograms planograms() { return planograms; }
  @Override public Users users() { return users; }
  @Override public SalesLedger sales() { return sales; }
  @Override public dev.restock.api.reads.port.out.MachineReads machineReads() {
    return machineReads;
  }
  @Override public AuditHistory history() { return db.history; }
  @Override public AuditLog auditLog() { return auditLog; }
  @Override public ServiceOrderStore serviceOrders() { return serviceOrders; }
  @Override public NumberSeries numberSeries() { return numberSeries; }
  @Override public StockLevels stock() { return stock; }
  @Override public DeliveryNotes deliveryNotes() { return deliveryNotes; }
  @Override public ReportQueries reports() { return reports; }

  MemoryDevices memoryDevices() {
    return devices;
  }

  MemoryPlanograms memoryPlanograms() {
    return planograms;
  }

  MemoryHistory memoryHistory() {
    return db.history;
  }

  /**
   * A store whose {@link #close()} keeps the data, so that the same store can be handed out again
   * (a tenant's store in a {@link MemoryTenantDirectory}); {@link #release()} lets go of it.
   */
  static MemoryStore kept(Clock clock) {
    return new MemoryStore(clock, true);
  }

  /** Refuses new units of work and lets go of the data (a tenant's store keeps it). */
  @Override
  public void close() {
    if (!kept) {
      db.close();
    }
  }

  /** Refuses new units of work and lets go of the data, also for a kept store. */
  void release() {
    db.close();
  }
}
