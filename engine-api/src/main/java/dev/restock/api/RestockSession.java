package dev.restock.api;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.port.in.HistoryQueries;
import dev.restock.api.catalog.port.in.ProductCatalog;
import dev.restock.api.fleet.port.in.CabinetTypeManagement;
import dev.restock.api.fleet.port.in.DeviceManagement;
import dev.restock.api.fleet.port.in.DeviceTypeManagement;
import dev.restock.api.fleet.port.in.LocationManagement;
import dev.restock.api.fleet.port.in.RouteManagement;
import dev.restock.api.picklist.port.in.PickListPreview;
import dev.restock.api.planogram.port.in.PlanogramManagement;
import dev.restock.api.planogram.port.in.SalesRecording;
import dev.restock.api.serviceorder.port.in.ServiceOrders;
import dev.restock.api.stock.port.in.StockManagement;
import dev.restock.api.user.port.in.UserManagement;

/**
 * The engine's use cases as seen by one actor: every change made through it is recorded in
 * history under {@link #actor()}. Cheap to create; thread-safe; each use-case call is its own unit
 * of work, except on the session {@link Restock#inUnitOfWork} hands out, where every call joins
 * the one unit it composes. A null argument to a use-case method, where the parameter is not
 * {@code @Nullable}, is refused with a {@link dev.restock.api.error.ValidationException} naming
 * the parameter ({@code routeId: is required}) before the use case runs.
 */
@Stable(since = "0.1")
public interface RestockSession {

  Actor actor();

  ProductCatalog products();

  LocationManagement locations();

  RouteManagement routes();

  DeviceTypeManagement deviceTypes();

  CabinetTypeManagement cabinetTypes();

  DeviceManagement devices();

  PlanogramManagement planograms();

  UserManagement users();

  SalesRecording sales();

  PickListPreview pickLists();

  HistoryQueries history();

  ServiceOrders serviceOrders();

  StockManagement stock();

  @Experimental(since = "0.1")
  dev.restock.api.report.port.in.Reports reports();

  /** Machine reads (DEX audits): import, derived sales and cash accountability. */
  @Experimental(since = "0.2")
  dev.restock.api.reads.port.in.MachineReadImport machineReads();
}
