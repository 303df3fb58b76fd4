package dev.restock.plugin.tck;

import dev.restock.api.audit.port.out.AuditHistory;
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
import dev.restock.api.spi.Store;
import dev.restock.api.stock.port.out.DeliveryNotes;
import dev.restock.api.stock.port.out.StockLevels;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.api.user.port.out.Users;

/**
 * A store that forwards every port to another one; tests override one port to inject failures
 * (for example an order store that fails right after writing, inside the unit of work).
 */
public class ForwardingStore implements Store {
  private final Store delegate;

  /**
   * A store that forwards every call to {@code delegate}.
   *
   * @param delegate the store that does the work
   */
  public ForwardingStore(Store delegate) {
    this.delegate = delegate;
  }

  @Override public String description() { return delegate.description(); }
  @Override public TransactionBoundary transactions() { return delegate.transactions(); }
  @Override public Products products() { return delegate.products(); }
  @Override public Locations locations() { return delegate.locations(); }
  @Override public Routes routes() { return delegate.routes(); }
  @Override public DeviceTypes deviceTypes() { return delegate.deviceTypes(); }
  @Override public CabinetTypes cabinetTypes() { return delegate.cabinetTypes(); }
  @Override public Devices devices() { return delegate.devices(); }
  @Override public Planograms planograms() { return delegate.planograms(); }
  @Override public Users users() { return delegate.users(); }
  @Override public SalesLedger sales() { return delegate.sales(); }
  @Override public dev.restock.api.reads.port.out.MachineReads machineReads() {
    return delegate.machineReads();
  }
  @Override public AuditHistory history() { return delegate.history(); }
  @Override public dev.restock.api.ops.Health health() { return delegate.health(); }
  @Override public dev.restock.api.ops.Statistics statistics() { return delegate.statistics(); }
  @Override public dev.restock.api.report.port.out.ReportQueries reports() { return delegate.reports(); }
  @Override public dev.restock.api.audit.port.out.AuditLog auditLog() { return delegate.auditLog(); }
  @Override public ServiceOrderStore serviceOrders() { return delegate.serviceOrders(); }
  @Override public NumberSeries numberSeries() { return delegate.numberSeries(); }
  @Override public StockLevels stock() { return delegate.stock(); }
  @Override public DeliveryNotes deliveryNotes() { return delegate.deliveryNotes(); }
  @Override public void close() { delegate.close(); }
}
