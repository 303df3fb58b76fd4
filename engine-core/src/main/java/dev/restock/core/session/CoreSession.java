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

/**
 * The use cases bound to one actor, each made when first asked for, so that a command using one
 * use case neither makes nor loads the others. Stateless apart from the actor, so thread-safe:
 * two threads asking at once may each make a use case, and either one serves.
 */
final class CoreSession implements RestockSession {
  private final CoreContext ctx;
  private final Actor actor;
  private volatile ProductCatalog products;
  private volatile LocationManagement locations;
  private volatile RouteManagement routes;
  private volatile DeviceTypeManagement deviceTypes;
  private volatile CabinetTypeManagement cabinetTypes;
  private volatile DeviceManagement devices;
  private volatile PlanogramManagement planograms;
  private volatile UserManagement users;
  private volatile SalesRecording sales;
  private volatile PickListPreview pickLists;
  private volatile HistoryQueries history;
  private volatile ServiceOrders serviceOrders;
  private volatile StockManagement stock;
  private volatile dev.restock.api.report.port.in.Reports reports;
  private volatile dev.restock.api.reads.port.in.MachineReadImport machineReads;

  CoreSession(CoreContext ctx, Actor actor) {
    this.ctx = ctx;
    this.actor = actor;
  }

  @Override public Actor actor() { return actor; }
  @Override public ProductCatalog products() {
    var made = products;
    if (made == null) {
      products = made = new ProductCatalogService(ctx, actor);
    }
    return made;
  }
  @Override public LocationManagement locations() {
    var made = locations;
    if (made == null) {
      locations = made = new LocationService(ctx, actor);
    }
    return made;
  }
  @Override public RouteManagement routes() {
    var made = routes;
    if (made == null) {
      routes = made = new RouteService(ctx, actor);
    }
    return made;
  }
  @Override public DeviceTypeManagement deviceTypes() {
    var made = deviceTypes;
    if (made == null) {
      deviceTypes = made = new DeviceTypeService(ctx, actor);
    }
    return made;
  }
  @Override public CabinetTypeManagement cabinetTypes() {
    var made = cabinetTypes;
    if (made == null) {
      cabinetTypes = made = new CabinetTypeService(ctx, actor);
    }
    return made;
  }
  @Override public DeviceManagement devices() {
    var made = devices;
    if (made == null) {
      devices = made = new DeviceService(ctx, actor);
    }
    return made;
  }
  @Override public PlanogramManagement planograms() {
    var made = planograms;
    if (made == null) {
      planograms = made = new PlanogramService(ctx, actor);
    }
    return made;
  }
  @Override public UserManagement users() {
    var made = users;
    if (made == null) {
      users = made = new UserService(ctx, actor);
    }
    return made;
  }
  @Override public SalesRecording sales() {
    var made = sales;
    if (made == null) {
      sales = made = new SalesService(ctx, actor);
    }
    return made;
  }
  @Override public PickListPreview pickLists() {
    var made = pickLists;
    if (made == null) {
      pickLists = made = new PickListService(ctx, actor);
    }
    return made;
  }
  @Override public HistoryQueries history() {
    var made = history;
    if (made == null) {
      history = made = new HistoryService(ctx, actor);
    }
    return made;
  }
  @Override public ServiceOrders serviceOrders() {
    var made = serviceOrders;
    if (made == null) {
      serviceOrders = made = new ServiceOrderService(ctx, actor);
    }
    return made;
  }
  @Override public StockManagement stock() {
    var made = stock;
    if (made == null) {
      stock = made = new StockService(ctx, actor);
    }
    return made;
  }
  @Override public dev.restock.api.report.port.in.Reports reports() {
    var made = reports;
    if (made == null) {
      reports = made = new dev.restock.core.report.ReportService(ctx, actor);
    }
    return made;
  }
  @Override public dev.restock.api.reads.port.in.MachineReadImport machineReads() {
    var made = machineReads;
    if (made == null) {
      machineReads = made = new dev.restock.core.reads.MachineReadService(ctx, actor);
    }
    return made;
  }
}
