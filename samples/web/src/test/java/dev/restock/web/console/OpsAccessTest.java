package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.web.DemoFleet;
import dev.restock.web.WebDatabases;
import dev.restock.web.security.Accounts;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who is offered which operations form, and what a refused or failed form does, over real HTTP
 * with a signed-in session on a fresh SQLite file. A VIEWER reads orders and visits but is
 * offered no form (the engine's access policy lets them do nothing), and a forged POST from one
 * ends on the 403 page with nothing changed; a MANAGER is offered the back-office forms; on an
 * engine error every value typed in a form is still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsAccessTest {
  private static Path dir;
  private static final String VIEWER_PW = "viewer-test-pw";
  private static final String MANAGER_PW = "manager-test-pw";

  @LocalServerPort
  int port;

  @Autowired
  Restock restock;

  @Autowired
  Accounts accounts;

  private RestockSession admin;
  private UUID routeId;
  private UUID driverId;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @BeforeEach
  void people() {
    UUID adminId = restock.as(Actor.system()).users().getByUsername("admin").id();
    admin = restock.as(Actor.user(adminId).withReason("test"));
    routeId = admin.routes().getByCode(DemoFleet.ROUTE).id();
    driverId = admin.users().getByUsername("driver").id();
    account("viewer", Role.VIEWER, VIEWER_PW);
    account("manager", Role.MANAGER, MANAGER_PW);
  }

  private void account(String username, Role role, String password) {
    if (accounts.find(username).isEmpty()) {
      User user = admin.users().create(new CreateUser(username, username + "@restock.example",
          role));
      accounts.add(username, password, user.id());
    }
  }

  private ServiceOrder pending() {
    return admin.serviceOrders().create(CreateServiceOrder.forRoute(routeId));
  }

  private ServiceOrder inProgress() {
    ServiceOrder order = pending();
    admin.serviceOrders().assign(order.id(), driverId);
    admin.serviceOrders().dispatch(order.id());
    return admin.serviceOrders().get(order.id());
  }

  private static String visitPath(ServiceOrder order) {
    return "/orders/" + order.id() + "/visits/" + order.visits().get(0).id();
  }

  @Test
  void aViewerReadsOrdersAndVisitsButIsOfferedNoFormAManagerIs() {
    ServiceOrder open = pending();
    ServiceOrder assigned = pending();
    admin.serviceOrders().assign(assigned.id(), driverId);
    ServiceOrder running = inProgress();
    OpsConsole viewer = OpsConsole.signIn(port, "viewer", VIEWER_PW);
    OpsConsole manager = OpsConsole.signIn(port, "manager", MANAGER_PW);

    HttpResponse<String> orders = viewer.get("/orders");
    assertThat(orders.statusCode()).isEqualTo(200);
    assertThat(orders.body()).contains(open.number());
    assertThat(OpsConsole.tag(orders.body(), "create-order")).isNull();
    assertThat(OpsConsole.tag(manager.get("/orders").body(), "create-order")).isNotNull();

    for (ServiceOrder o : new ServiceOrder[] {open, assigned}) {
      String page = viewer.get("/orders/" + o.id()).body();
      assertThat(OpsConsole.text(page, "order-number")).isEqualTo(o.number());
      assertThat(OpsConsole.tag(page, "assign-form")).as(o.status().name()).isNull();
      assertThat(OpsConsole.tag(page, "cancel-form")).as(o.status().name()).isNull();
      assertThat(OpsConsole.tag(page, "dispatch-form")).as(o.status().name()).isNull();
      String managed = manager.get("/orders/" + o.id()).body();
      assertThat(OpsConsole.tag(managed, "assign-form")).isNotNull();
      assertThat(OpsConsole.tag(managed, "cancel-form")).isNotNull();
    }
    assertThat(OpsConsole.tag(manager.get("/orders/" + assigned.id()).body(), "dispatch-form"))
        .isNotNull();

    String board = viewer.get("/routes/" + routeId).body();
    assertThat(board).contains("Demo machine 1");
    assertThat(OpsConsole.tag(board, "create-order-form")).isNull();
    assertThat(OpsConsole.tag(manager.get("/routes/" + routeId).body(), "create-order-form"))
        .isNotNull();

    String visit = viewer.get(visitPath(running)).body();
    assertThat(OpsConsole.text(visit, "visit-status")).isEqualTo("PENDING");
    assertThat(OpsConsole.tag(visit, "complete-form")).isNull();
    assertThat(OpsConsole.tag(visit, "skip-form")).isNull();
    assertThat(OpsConsole.tag(visit, "read-only")).isNotNull();
    assertThat(OpsConsole.tag(visit, "not-dispatched")).isNull();
    String serviced = manager.get(visitPath(running)).body();
    assertThat(OpsConsole.tag(serviced, "complete-form")).isNotNull();
    assertThat(OpsConsole.tag(serviced, "skip-form")).isNotNull();
    String driven = OpsConsole.signIn(port, "driver", WebDatabases.DRIVER_PASSWORD)
        .get(visitPath(running)).body();
    assertThat(OpsConsole.tag(driven, "complete-form")).isNotNull();
  }

  @Test
  void aForgedPostByAViewerEndsOnThe403PageAndChangesNothing() {
    ServiceOrder open = pending();
    ServiceOrder running = inProgress();
    Visit visit = running.visits().get(0);
    OrderLine line = visit.lines().get(0);
    long ordersBefore = admin.serviceOrders().list(PageRequest.first()).total();
    OpsConsole viewer = OpsConsole.signIn(port, "viewer", VIEWER_PW);

    assertRefused(viewer.post("/orders", Map.of("routeId", routeId.toString(),
        "strategyId", "fill-to-par")));
    assertRefused(viewer.post("/orders/" + open.id() + "/assign",
        Map.of("driverId", driverId.toString(), "reason", "forged")));
    assertRefused(viewer.post("/orders/" + open.id() + "/cancel", Map.of("reason", "forged")));
    assertRefused(viewer.post("/orders/" + open.id() + "/dispatch", Map.of()));
    assertRefused(viewer.post(visitPath(running) + "/complete",
        Map.of("units-" + line.slotId(), "0", "notes", "forged")));
    assertRefused(viewer.post(visitPath(running) + "/skip", Map.of("reason", "forged")));

    assertThat(admin.serviceOrders().list(PageRequest.first()).total()).isEqualTo(ordersBefore);
    ServiceOrder stillOpen = admin.serviceOrders().get(open.id());
    assertThat(stillOpen.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(stillOpen.driverId()).isNull();
    Visit stillPending = admin.serviceOrders().get(running.id()).visit(visit.id()).orElseThrow();
    assertThat(stillPending.status()).isEqualTo(VisitStatus.PENDING);
    assertThat(stillPending.notes()).isNull();
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
    assertThat(response.body()).contains("Error 403").contains("VIEWER");
  }

  @Test
  void onAnEngineErrorTheOrderFormsKeepEveryValueTyped() {
    ServiceOrder open = pending();
    OpsConsole office = OpsConsole.signIn(port, "admin", WebDatabases.ADMIN_PASSWORD);
    String tooLong = "x".repeat(1001);

    HttpResponse<String> assign = office.post("/orders/" + open.id() + "/assign",
        Map.of("driverId", driverId.toString(), "reason", tooLong));
    assertThat(assign.statusCode()).isEqualTo(422);
    assertThat(assign.body()).contains("reason: ");
    assertThat(assign.body()).containsPattern(
        "<option value=\"" + driverId + "\" selected=\"selected\">driver</option>");
    assertThat(OpsConsole.tag(assign.body(), "assign-reason"))
        .contains("value=\"" + tooLong + "\"").contains("maxlength=\"500\"");

    HttpResponse<String> cancel = office.post("/orders/" + open.id() + "/cancel",
        Map.of("reason", tooLong));
    assertThat(cancel.statusCode()).isEqualTo(422);
    assertThat(OpsConsole.tag(cancel.body(), "cancel-reason"))
        .contains("value=\"" + tooLong + "\"").contains("maxlength=\"500\"");

    ServiceOrder unchanged = admin.serviceOrders().get(open.id());
    assertThat(unchanged.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(unchanged.driverId()).isNull();
  }

  @Test
  void onAnEngineErrorTheVisitFormsKeepEveryValueTyped() {
    ServiceOrder running = inProgress();
    Visit visit = running.visits().get(0);
    OrderLine line = visit.lines().get(0);
    OpsConsole phone = OpsConsole.signIn(port, "driver", WebDatabases.DRIVER_PASSWORD);

    // more than planned: refused by the engine
    HttpResponse<String> complete = phone.post(visitPath(running) + "/complete", Map.of(
        "units-" + line.slotId(), String.valueOf(line.planned() + 5),
        "returnUndelivered", "on", "notes", "door code 4711, ring twice"));
    assertThat(complete.statusCode()).isEqualTo(422);
    assertThat(OpsConsole.text(complete.body(), "errors")).contains(line.position());
    assertThat(OpsConsole.tag(complete.body(), "units-" + line.slotId()))
        .contains("value=\"" + (line.planned() + 5) + "\"");
    assertThat(OpsConsole.tag(complete.body(), "returnUndelivered")).contains("checked");
    assertThat(OpsConsole.text(complete.body(), "notes")).isEqualTo("door code 4711, ring twice");
    assertThat(OpsConsole.tag(complete.body(), "notes")).contains("maxlength=\"500\"");
    assertThat(OpsConsole.tag(complete.body(), "returnToStock")).doesNotContain("checked");

    String tooLong = "y".repeat(1001);
    HttpResponse<String> skip = phone.post(visitPath(running) + "/skip", Map.of(
        "reason", tooLong, "returnToStock", "true"));
    assertThat(skip.statusCode()).isEqualTo(422);
    assertThat(OpsConsole.text(skip.body(), "errors")).contains("reason: ");
    assertThat(OpsConsole.tag(skip.body(), "skip-reason"))
        .contains("value=\"" + tooLong + "\"").contains("maxlength=\"500\"");
    assertThat(OpsConsole.tag(skip.body(), "returnToStock")).contains("checked");
    assertThat(OpsConsole.tag(skip.body(), "returnUndelivered")).doesNotContain("checked");

    Visit unchanged = admin.serviceOrders().get(running.id()).visit(visit.id()).orElseThrow();
    assertThat(unchanged.status()).isEqualTo(VisitStatus.PENDING);
    assertThat(unchanged.notes()).isNull();
  }
}
