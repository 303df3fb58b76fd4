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
 * Ports are thread-safe and must be used inside units of work of {@link #transactions()}. The
 * engine closes the store when it is closed; closing releases every connection and thread.
 */
@Stable(since = "0.1")
public interface Store extends AutoCloseable {

  /** Short description for logs and health, e.g. {@code jpa-sqlite:/data/restock.db}. */
  String description();

  TransactionBoundary transactions();

  /** A round trip to the database with schema version and pool figures; never throws. */
  @Experimental(since = "0.1")
  dev.restock.api.ops.Health health();

  /** What the store has done since it opened. */
  @Experimental(since = "0.1")
  dev.restock.api.ops.Statistics statistics();

  Products products();

  Locations locations();

  Routes routes();

  DeviceTypes deviceTypes();

  CabinetTypes cabinetTypes();

  Devices devices();

  Planograms planograms();

  Users users();

  SalesLedger sales();

  AuditHistory history();

  /** The store's own audit sink and its queries. */
  @Experimental(since = "0.1")
  AuditLog auditLog();

  ServiceOrderStore serviceOrders();

  NumberSeries numberSeries();

  StockLevels stock();

  DeliveryNotes deliveryNotes();

  @Experimental(since = "0.1")
  dev.restock.api.report.port.out.ReportQueries reports();

  @Override
  void close();
}
