package dev.restock.web;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.web.security.Accounts;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Criteria.Operator;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On first start (no account in the host's table), creates the accounts {@code admin} (the
 * engine's first administrator) and {@code driver}, and, when {@code restock.web.demo.enabled}
 * (the default), a demo fleet: route {@code DEMO-1} with six machines of two cabinets, five
 * products, a day of sales and stock in the warehouse, so that the route board has something to
 * show. Passwords are {@code restock.web.demo.admin-password} and
 * {@code restock.web.demo.driver-password}; unset, each is generated and logged once. All of it
 * happens before the server accepts its first request. On a database the engine used before
 * (or after a start interrupted half-way), an existing first administrator, user {@code driver}
 * and route {@code DEMO-1} are taken as they are, and the missing accounts are added.
 */
@Component
public class DemoFleet implements SmartInitializingSingleton {
  /** The demo route's code. */
  public static final String ROUTE = "DEMO-1";
  private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);

  private final Restock restock;
  private final Accounts accounts;
  private final boolean enabled;
  private final String adminPassword;
  private final String driverPassword;

  DemoFleet(Restock restock, Accounts accounts,
      @Value("${restock.web.demo.enabled:true}") boolean enabled,
      @Value("${restock.web.demo.admin-password:}") String adminPassword,
      @Value("${restock.web.demo.driver-password:}") String driverPassword) {
    this.restock = restock;
    this.accounts = accounts;
    this.enabled = enabled;
    this.adminPassword = adminPassword;
    this.driverPassword = driverPassword;
  }

  /**
   * Seeds once every bean is ready but before the web server starts serving (an application
   * runner would run after it: the first requests could find no account yet).
   */
  @Override
  public void afterSingletonsInstantiated() {
    if (accounts.find("admin").isPresent() && accounts.find("driver").isPresent()) {
      return;
    }
    // Each step is a unit of work of its own (one transaction around them all would make the
    // whole fleet one revision, recorded under the first step's action and actor), and each
    // takes what an earlier, interrupted start made: the next start completes the set-up.
    seed();
  }

  private void seed() {
    RestockSession system = restock.as(Actor.system().withReason("web host first start"));
    User admin = system.users().firstAdministrator().orElseGet(() -> system.users()
        .create(new CreateUser("admin", "admin@restock.example", Role.ADMIN)));
    RestockSession ops = restock.as(Actor.user(admin.id()).withUserAgent("restock-web")
        .withReason("demo fleet"));
    User driver = first(ops.users().find(Criteria.where("username", Operator.EQ, "driver"),
        PageRequest.first(), Visibility.LIVE)).orElseGet(() -> ops.users()
        .create(new CreateUser("driver", "driver@restock.example", Role.DRIVER)));
    if (enabled && first(ops.routes().find(Criteria.where("code", Operator.EQ, ROUTE),
        PageRequest.first(), Visibility.LIVE)).isEmpty()) {
      seedFleet(ops);
      LOG.info("Demo fleet created: route {} with its machines, products, sales and stock",
          ROUTE);
    }
    // the accounts last: while one is missing, the next start runs the set-up again
    if (accounts.find(admin.username()).isEmpty()) {
      accounts.add(admin.username(), password(admin.username(), adminPassword), admin.id());
    }
    if (accounts.find(driver.username()).isEmpty()) {
      accounts.add(driver.username(), password(driver.username(), driverPassword), driver.id());
    }
  }

  /**
   * The first item of a search. Lookups here search rather than get: a get that finds nothing
   * throws, and a host transaction the engine joined would then be marked for rollback.
   */
  private static <T> Optional<T> first(Page<T> page) {
    return page.items().stream().findFirst();
  }

  private static String password(String username, String configured) {
    if (configured != null && !configured.isBlank()) {
      if (configured.getBytes(StandardCharsets.UTF_8).length > Accounts.PASSWORD_MAX_BYTES) {
        throw new IllegalStateException("restock.web.demo." + username + "-password: must be at "
            + "most " + Accounts.PASSWORD_MAX_BYTES + " bytes in UTF-8");
      }
      return configured;
    }
    byte[] bytes = new byte[9];
    new SecureRandom().nextBytes(bytes);
    String generated = HexFormat.of().formatHex(bytes);
    LOG.warn("Account '{}' created with the generated password {} (shown once; set "
        + "restock.web.demo.{}-password to choose it)", username, generated, username);
    return generated;
  }

  private static void seedFleet(RestockSession ops) {
    Route route = ops.routes().create(new CreateRoute(ROUTE, "Demo downtown route", 7));
    Location station = ops.locations().create(
        new CreateLocation("Demo Central Station", "1 Station Sq"));
    DeviceType tower = ops.deviceTypes().create(new CreateDeviceType("Demo Tower 2", 2));
    CabinetType ambient = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
    CabinetType chilled = ops.cabinetTypes().create(new CreateCabinetType("Chilled"));
    Map<String, Product> products = new LinkedHashMap<>();
    for (String[] p : new String[][] {
        {"DEMO-COLA", "Cola 33cl", "Drinks", "1.50", "24"},
        {"DEMO-WATER", "Still water 50cl", "Drinks", "1.00", "24"},
        {"DEMO-CHIPS", "Salted chips", "Snacks", "1.20", "30"},
        {"DEMO-CHOC", "Chocolate bar", "Snacks", "1.10", "48"},
        {"DEMO-GUM", "Mint gum", "Confectionery", "0.80", "50"}}) {
      products.put(p[0], ops.products().create(new CreateProduct(p[0], p[1], p[2],
          new BigDecimal(p[3]), Integer.parseInt(p[4]))));
    }
    List<Device> devices = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      String name = "Demo machine " + m;
      devices.add(ops.devices().setUp(new SetUpDevice(
          new CreateDevice(name, "DEMO-SN-00" + m, station.id(), route.id(), tower.id(), List.of(
              new CabinetSpec(1, ambient.id(), 4, 6), new CabinetSpec(2, chilled.id(), 3, 5))),
          List.of(
              new CabinetPlanogram(1, name + " snacks", List.of(
                  slot("A1", products.get("DEMO-CHIPS"), 12, 10),
                  slot("A2", products.get("DEMO-CHOC"), 15, 12),
                  slot("B1", products.get("DEMO-GUM"), 20, 16),
                  slot("B2", products.get("DEMO-CHOC"), 15, 12))),
              new CabinetPlanogram(2, name + " drinks", List.of(
                  slot("A1", products.get("DEMO-COLA"), 10, 8),
                  slot("A2", products.get("DEMO-WATER"), 10, 8),
                  slot("B1", products.get("DEMO-COLA"), 10, 8))))))
          .device());
    }
    // a day of sales: a few units from every slot, never more than it holds
    List<SaleEntry> sales = new ArrayList<>();
    int k = 0;
    for (Device d : devices) {
      for (var cabinet : d.cabinets()) {
        Planogram p = ops.planograms().activeFor(cabinet.id());
        for (Slot s : p.slots()) {
          sales.add(SaleEntry.sold(s.id(), Math.min(s.quantity(), 2 + (k++ % 6))));
        }
      }
    }
    ops.sales().record(new RecordSales(sales));
    for (Product p : products.values()) {
      ops.stock().receive(p.id(), 200, "demo opening stock");
    }
  }

  private static SlotSpec slot(String position, Product product, int capacity, int par) {
    return new SlotSpec(position, product.id(), capacity, par, par, null);
  }
}
