package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.web.Browser;
import dev.restock.web.DemoFleet;
import dev.restock.web.WebDatabases;
import dev.restock.web.security.Accounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A day of operations in headless Chromium on a fresh SQLite file: the office plans the demo
 * route on the board, prints the pick list, creates, assigns and dispatches an order; the driver,
 * on a phone-sized screen, sees only their orders, completes a visit with one quantity changed,
 * and the engine holds exactly what was typed. Errors (more than planned, dispatching an order
 * already dispatched) are shown on the page and change nothing. Every page is kept as a
 * screenshot under {@code target/screenshots/ops-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriverDayBrowserTest {
  private static Path dir;

  @LocalServerPort
  int port;

  @Autowired
  Restock restock;

  @Autowired
  Accounts accounts;

  private Browser office;
  private Browser phone;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @AfterEach
  void closeBrowsers() {
    if (office != null) {
      office.close();
    }
    if (phone != null) {
      phone.close();
    }
  }

  private RestockSession admin() {
    UUID adminId = restock.as(Actor.system()).users().getByUsername("admin").id();
    return restock.as(Actor.user(adminId).withReason("test"));
  }

  private String text(Browser b, String id) {
    return b.driver().findElement(By.id(id)).getText();
  }

  @Test
  void theOfficePlansAndDispatchesAndTheDriverCompletesAVisitWithWhatWasTyped() {
    RestockSession admin = admin();
    UUID routeId = admin.routes().getByCode(DemoFleet.ROUTE).id();
    // an order nobody is assigned to: the driver must not see it
    ServiceOrder unassigned = admin.serviceOrders().create(CreateServiceOrder.forRoute(routeId));

    office = Browser.open(port).signIn("admin", WebDatabases.ADMIN_PASSWORD);
    office.go("/routes");
    office.waitFor(By.id("routes"));
    office.screenshot("ops-routes");
    office.driver().findElement(By.linkText(DemoFleet.ROUTE)).click();
    office.waitFor(By.id("totals"));
    String board = office.driver().findElement(By.tagName("main")).getText();
    for (int m = 1; m <= 6; m++) {
      assertThat(board).contains("Demo machine " + m);
    }
    List<WebElement> totalRows = office.driver().findElements(By.cssSelector("#totals tbody tr"));
    assertThat(totalRows).extracting(WebElement::getText).anySatisfy(
        t -> assertThat(t).startsWith("DEMO-COLA"));
    assertThat(office.driver().findElements(By.cssSelector("#strategy option")))
        .extracting(e -> e.getAttribute("value")).contains("fill-to-par");
    assertThat(text(office, "summary")).contains(
        admin.pickLists().preview(routeId, "fill-to-par").totalUnits() + " units in all");
    office.screenshot("ops-route-board");

    // another strategy: htmx swaps the board in place
    String other = restock.pickListStrategies().stream().filter(id -> !id.equals("fill-to-par"))
        .sorted().findFirst().orElseThrow();
    new Select(office.driver().findElement(By.id("strategy"))).selectByValue(other);
    office.waitFor(By.cssSelector("#board[data-strategy='" + other + "']"));
    assertThat(office.driver().getCurrentUrl()).endsWith("strategy=" + other);
    var otherList = admin.pickLists().preview(routeId, other);
    int byOther = otherList.totalUnits();
    assertThat(text(office, "summary")).contains(byOther + " units in all");
    office.screenshot("ops-route-board-" + other);

    office.driver().findElement(By.id("print-link")).click();
    office.waitForText(By.tagName("h1"), "Pick list " + DemoFleet.ROUTE);
    assertThat(text(office, "print-meta")).contains(other)
        .contains(byOther + " units");
    // one section per machine with something to fill under that strategy
    assertThat(office.driver().findElements(By.cssSelector("section.print-machine")))
        .hasSize((int) otherList.lines().stream().map(l -> l.deviceId()).distinct().count());
    assertThat(office.driver().findElements(By.cssSelector("input[type=checkbox]")))
        .isNotEmpty();
    office.screenshot("ops-route-pick-list");
    // as printed: no navigation, no buttons, the blank columns kept
    ChromeDriver chrome = (ChromeDriver) office.driver();
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(office.driver().findElement(By.cssSelector("nav.nav")).isDisplayed()).isFalse();
    assertThat(office.driver().findElement(By.cssSelector("p.no-print")).isDisplayed())
        .isFalse();
    assertThat(office.driver().findElement(By.cssSelector("td.blank")).isDisplayed()).isTrue();
    office.screenshot("ops-route-pick-list-print");
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    office.go("/orders");
    new Select(office.waitFor(By.id("routeId"))).selectByVisibleText(
        DemoFleet.ROUTE + " · Demo downtown route");
    new Select(office.driver().findElement(By.id("strategyId"))).selectByValue("fill-to-par");
    office.screenshot("ops-orders");
    office.driver().findElement(By.id("create")).click();
    office.waitForText(By.id("order-status"), "PENDING");
    String number = text(office, "order-number");
    assertThat(number).matches("SO-\\d{4}-\\d{6}");
    office.screenshot("ops-order-created");

    new Select(office.driver().findElement(By.id("driverId"))).selectByVisibleText("driver");
    office.driver().findElement(By.id("assign")).click();
    office.waitForText(By.id("order-status"), "ASSIGNED");
    assertThat(text(office, "order-driver")).isEqualTo("driver");
    office.driver().findElement(By.id("dispatch")).click();
    office.waitForText(By.id("order-status"), "IN_PROGRESS");
    String note = text(office, "delivery-note");
    assertThat(note).matches("DN-\\d{4}-\\d{6}");
    assertThat(text(office, "notice")).contains(note);
    office.screenshot("ops-order-dispatched");

    ServiceOrder order = admin.serviceOrders().getByNumber(number);
    assertThat(order.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    Visit visit = order.visits().get(0);
    OrderLine changed = visit.lines().get(0);
    int typed = changed.planned() - 1;
    int heldBefore = slotQuantity(admin, visit.cabinetId(), changed.slotId());

    phone = Browser.open(port).signIn("driver", WebDatabases.DRIVER_PASSWORD).size(390, 844);
    phone.go("/orders");
    phone.waitForText(By.tagName("h1"), "My visits");
    String mine = phone.driver().findElement(By.id("my-orders")).getText();
    assertThat(mine).contains(number).doesNotContain(unassigned.number());
    phone.screenshot("ops-driver-my-visits");
    phone.driver().findElement(By.linkText(number)).click();
    phone.waitForText(By.id("order-status"), "IN_PROGRESS");
    phone.screenshot("ops-driver-order");
    phone.go("/orders");
    phone.waitFor(By.cssSelector("article[data-number='" + number + "'] .visit-links a")).click();
    WebElement units = phone.waitFor(By.id("units-" + changed.slotId()));
    assertThat(units.getAttribute("value")).isEqualTo(String.valueOf(changed.planned()));
    // single column on the phone: the field fits the screen and is big enough to touch
    assertThat(units.getRect().getX() + units.getRect().getWidth()).isLessThanOrEqualTo(390);
    assertThat(units.getRect().getHeight()).isGreaterThanOrEqualTo(44);
    phone.screenshot("ops-driver-visit");

    // more than planned: refused by the engine, shown beside the form, nothing recorded
    units.clear();
    units.sendKeys(String.valueOf(changed.planned() + 5));
    phone.driver().findElement(By.id("complete")).click();
    phone.waitFor(By.id("errors"));
    assertThat(text(phone, "errors")).contains(changed.position());
    assertThat(phone.driver().findElement(By.id("units-" + changed.slotId()))
        .getAttribute("value")).isEqualTo(String.valueOf(changed.planned() + 5));
    assertThat(text(phone, "visit-status")).isEqualTo("PENDING");
    phone.screenshot("ops-driver-visit-error");
    assertThat(admin.serviceOrders().get(order.id()).visit(visit.id()).orElseThrow().status())
        .isEqualTo(VisitStatus.PENDING);

    units = phone.driver().findElement(By.id("units-" + changed.slotId()));
    units.clear();
    units.sendKeys(String.valueOf(typed));
    phone.driver().findElement(By.id("complete")).click();
    phone.waitForText(By.id("visit-status"), "COMPLETED");
    assertThat(phone.driver().findElement(By.id("result")).getText())
        .contains(changed.position());
    assertThat(phone.driver().findElement(By.id("back-to-order")).getAttribute("href"))
        .endsWith("/orders/" + order.id());
    assertThat(phone.driver().findElement(By.id("order-history")).getAttribute("href"))
        .endsWith("/history/service-order/" + order.id());
    phone.screenshot("ops-driver-visit-completed");

    // ... and the change is in the order's history: the newest revision is the driver's visit
    phone.driver().findElement(By.id("order-history")).click();
    phone.waitFor(By.id("revisions"));
    org.openqa.selenium.WebElement newest =
        phone.driver().findElement(By.cssSelector("#revisions li.revision"));
    assertThat(newest.findElement(By.cssSelector(".who")).getText()).isEqualTo("driver");
    assertThat(newest.findElement(By.cssSelector(".action")).getText()).contains("complete");
    assertThat(newest.getText()).contains("COMPLETED");
    phone.screenshot("ops-driver-order-history");
    phone.driver().navigate().back();
    phone.waitForText(By.id("visit-status"), "COMPLETED");

    Visit done = admin.serviceOrders().get(order.id()).visit(visit.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(VisitStatus.COMPLETED);
    for (OrderLine line : done.lines()) {
      assertThat(line.delivered()).as(line.position())
          .isEqualTo(line.slotId().equals(changed.slotId()) ? typed : line.planned());
    }
    // the slot was filled with exactly the units typed
    assertThat(slotQuantity(admin, visit.cabinetId(), changed.slotId()))
        .isEqualTo(heldBefore + typed);

    // the next visit is skipped, with the driver's reason
    phone.driver().findElement(By.id("back-to-order")).click();
    phone.waitForText(By.cssSelector("#visit-1 .status"), "COMPLETED");
    phone.driver().findElement(By.cssSelector("#visit-2 a.visit-link")).click();
    phone.waitFor(By.id("skip-reason")).sendKeys("machine blocked by a delivery van");
    phone.driver().findElement(By.id("skip")).click();
    phone.waitForText(By.id("visit-status"), "SKIPPED");
    phone.screenshot("ops-driver-visit-skipped");
    Visit skipped = admin.serviceOrders().get(order.id()).visits().get(1);
    assertThat(skipped.status()).isEqualTo(VisitStatus.SKIPPED);
    assertThat(skipped.notes()).isEqualTo("machine blocked by a delivery van");
  }

  @Test
  void anOrderWithoutARouteAndACancellationWithoutAReasonAreRefusedOnThePage() {
    RestockSession admin = admin();
    long ordersBefore = admin.serviceOrders().list(PageRequest.first()).total();
    office = Browser.open(port).signIn("admin", WebDatabases.ADMIN_PASSWORD);
    office.go("/orders");
    office.waitFor(By.id("create")).click();
    office.waitFor(By.id("errors"));
    assertThat(text(office, "errors")).contains("routeId: is required");
    office.screenshot("ops-orders-error");
    assertThat(admin.serviceOrders().list(PageRequest.first()).total()).isEqualTo(ordersBefore);

    ServiceOrder order = admin.serviceOrders().create(CreateServiceOrder.forRoute(
        admin.routes().getByCode(DemoFleet.ROUTE).id()));
    office.go("/orders/" + order.id());
    office.waitFor(By.id("cancel")).click();
    office.waitFor(By.cssSelector("#cancel-form .errors"));
    assertThat(office.driver().findElement(By.cssSelector("#cancel-form .errors")).getText())
        .contains("reason: is required");
    assertThat(admin.serviceOrders().get(order.id()).status()).isEqualTo(OrderStatus.PENDING);
    office.driver().findElement(By.id("cancel-reason")).sendKeys("route closed for roadworks");
    office.driver().findElement(By.id("cancel")).click();
    office.waitForText(By.id("order-status"), "CANCELLED");
    office.screenshot("ops-order-cancelled");
    assertThat(admin.serviceOrders().get(order.id()).notes())
        .isEqualTo("route closed for roadworks");

    // an unknown strategy and an unknown order: the console's error page, with the status
    office.go("/routes/" + order.routeId() + "?strategy=no-such-strategy");
    office.waitForText(By.tagName("h1"), "Error 422");
    assertThat(office.driver().findElement(By.tagName("main")).getText())
        .contains("no-such-strategy").contains("fill-to-par");
    office.screenshot("ops-route-unknown-strategy");
    office.go("/orders/" + UUID.randomUUID());
    office.waitForText(By.tagName("h1"), "Error 404");
  }

  private static int slotQuantity(RestockSession session, UUID cabinetId, UUID slotId) {
    return session.planograms().activeFor(cabinetId).slots().stream()
        .filter(s -> s.id().equals(slotId)).findFirst().orElseThrow().quantity();
  }

  @Test
  void dispatchingAnOrderAlreadyDispatchedShowsTheErrorAndChangesNothing() {
    RestockSession admin = admin();
    UUID routeId = admin.routes().getByCode(DemoFleet.ROUTE).id();
    ServiceOrder order = admin.serviceOrders().create(CreateServiceOrder.forRoute(routeId));
    UUID driverId = admin.users().getByUsername("driver").id();
    admin.serviceOrders().assign(order.id(), driverId);

    office = Browser.open(port).signIn("admin", WebDatabases.ADMIN_PASSWORD);
    office.go("/orders/" + order.id());
    office.waitForText(By.id("order-status"), "ASSIGNED");
    // someone else dispatches it meanwhile; this page still offers the button
    String first = admin.serviceOrders().dispatch(order.id()).number();
    List<StockLevel> stockBefore = admin.stock().levels();

    office.driver().findElement(By.id("dispatch")).click();
    office.waitFor(By.id("errors"));
    assertThat(text(office, "errors")).contains("cannot go from IN_PROGRESS");
    assertThat(text(office, "order-status")).isEqualTo("IN_PROGRESS");
    assertThat(text(office, "delivery-note")).isEqualTo(first);
    office.screenshot("ops-order-dispatch-error");

    assertThat(admin.stock().levels()).isEqualTo(stockBefore);
    assertThat(admin.stock().deliveryNotes(
        Criteria.where("orderId", Criteria.Operator.EQ, order.id()), PageRequest.first())
        .items()).extracting(n -> n.number()).containsExactly(first);

    // another driver sees none of it as theirs, and is offered no completion
    User other = admin.users().create(new CreateUser("driver2", "driver2@restock.example",
        Role.DRIVER));
    accounts.add("driver2", "driver2-test-pw", other.id());
    phone = Browser.open(port).signIn("driver2", "driver2-test-pw").size(390, 844);
    phone.go("/orders");
    phone.waitFor(By.id("no-orders"));
    phone.go("/orders/" + order.id() + "/visits/" + order.visits().get(0).id());
    phone.waitFor(By.id("not-yours"));
    assertThat(phone.driver().findElements(By.id("complete-form"))).isEmpty();
    assertThat(phone.driver().findElements(By.id("skip-form"))).isEmpty();
    phone.screenshot("ops-visit-other-driver");
  }
}
