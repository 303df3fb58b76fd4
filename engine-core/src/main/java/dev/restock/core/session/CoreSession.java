package dev.restock.core.session;

import dev.restock.api.RestockSession;
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
import dev.restock.core.serviceorder.ServiceOrderService;
import dev.restock.core.stock.StockService;
import dev.restock.core.audit.HistoryService;
import dev.restock.core.catalog.ProductCatalogService;
import dev.restock.core.fleet.CabinetTypeService;
import dev.restock.core.fleet.DeviceService;
import dev.restock.core.fleet.DeviceTypeService;
import dev.restock.core.fleet.LocationService;
import dev.restock.core.fleet.RouteService;
import dev.restock.core.picklist.PickListService;
import dev.restock.core.planogram.PlanogramService;
import dev.restock.core.planogram.SalesService;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.user.UserService;

/** The use cases bound to one actor. Stateless apart from the actor, so thread-safe. */
final class CoreSession implements RestockSession {
  private final Actor actor;
  private final ProductCatalog products;
  private final LocationManagement locations;
  private final RouteManagement routes;
  private final DeviceTypeManagement deviceTypes;
  private final CabinetTypeManagement cabinetTypes;
  private final DeviceManagement devices;
  private final PlanogramManagement planograms;
  private final UserManagement users;
  private final SalesRecording sales;
  private final PickListPreview pickLists;
  private final HistoryQueries history;
  private final ServiceOrders serviceOrders;
  private final StockManagement stock;
  private final dev.restock.api.report.port.in.Reports reports;
  private final dev.restock.api.reads.port.in.MachineReadImport machineReads;

  CoreSession(CoreContext ctx, Actor actor) {
    this.actor = actor;
    this.products = new ProductCatalogService(ctx, actor);
    this.locations = new LocationService(ctx, actor);
    this.routes = new RouteService(ctx, actor);
    this.deviceTypes = new DeviceTypeService(ctx, actor);
    this.cabinetTypes = new CabinetTypeService(ctx, actor);
    this.devices = new DeviceService(ctx, actor);
    this.planograms = new PlanogramService(ctx, actor);
    this.users = new UserService(ctx, actor);
    this.sales = new SalesService(ctx, actor);
    this.pickLists = new PickListService(ctx, actor);
    this.history = new HistoryService(ctx, actor);
    this.serviceOrders = new ServiceOrderService(ctx, actor);
    this.stock = new StockService(ctx, actor);
    this.reports = new dev.restock.core.report.ReportService(ctx, actor);
    this.machineReads = new dev.restock.core.reads.MachineReadService(ctx, actor);
  }

  @Override public Actor actor() { return actor; }
  @Override public ProductCatalog products() { return products; }
  @Override public LocationManagement locations() { return locations; }
  @Override public RouteManagement routes() { return routes; }
  @Override public DeviceTypeManagement deviceTypes() { return deviceTypes; }
  @Override public CabinetTypeManagement cabinetTypes() { return cabinetTypes; }
  @Override public DeviceManagement devices() { return devices; }
  @Override public PlanogramManagement planograms() { return planograms; }
  @Override public UserManagement users() { return users; }
  @Override public SalesRecording sales() { return sales; }
  @Override public PickListPreview pickLists() { return pickLists; }
  @Override public HistoryQueries history() { return history; }
  @Override public ServiceOrders serviceOrders() { return serviceOrders; }
  @Override public StockManagement stock() { return stock; }
  @Override public dev.restock.api.report.port.in.Reports reports() { return reports; }
  @Override public dev.restock.api.reads.port.in.MachineReadImport machineReads() {
    return machineReads;
  }
}
