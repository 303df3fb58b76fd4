package dev.restock.core.wiring;

import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.spi.Store;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.api.user.port.out.Users;

/** A store that counts opens and closes; any port use fails, so tests prove none happens. */
final class FakeStore implements Store {
  int opened;
  int closed;

  Store open() {
    opened++;
    return this;
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("the fake store has no ports");
  }

  @Override public String description() { return "fake"; }
  @Override public TransactionBoundary transactions() { throw unused(); }
  @Override public Products products() { throw unused(); }
  @Override public Locations locations() { throw unused(); }
  @Override public Routes routes() { throw unused(); }
  @Override public DeviceTypes deviceTypes() { throw unused(); }
  @Override public CabinetTypes cabinetTypes() { throw unused(); }
  @Override public Devices devices() { throw unused(); }
  @Override public Planograms planograms() { throw unused(); }
  @Override public Users users() { throw unused(); }
  @Override public SalesLedger sales() { throw unused(); }
  @Override public dev.restock.api.reads.port.out.MachineReads machineReads() { throw unused(); }
  @Override public AuditHistory history() { throw unused(); }
  @Override public dev.restock.api.ops.Health health() { throw unused(); }
  @Override public dev.restock.api.ops.Statistics statistics() { throw unused(); }
  @Override public dev.restock.api.report.port.out.ReportQueries reports() { throw unused(); }
  @Override public dev.restock.api.audit.port.out.AuditLog auditLog() { throw unused(); }
  @Override public dev.restock.api.serviceorder.port.out.ServiceOrderStore serviceOrders() { throw unused(); }
  @Override public dev.restock.api.serviceorder.port.out.NumberSeries numberSeries() { throw unused(); }
  @Override public dev.restock.api.stock.port.out.StockLevels stock() { throw unused(); }
  @Override public dev.restock.api.stock.port.out.DeliveryNotes deliveryNotes() { throw unused(); }
  @Override public void close() { closed++; }
}
