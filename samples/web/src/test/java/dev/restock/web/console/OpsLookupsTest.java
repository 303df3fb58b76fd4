package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.web.DemoFleet;
import dev.restock.web.WebDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Names on the order pages beyond the engine's largest page ({@link PageRequest#MAX_SIZE} rows):
 * with more than that many drivers, one whose username sorts last is still offered in the
 * driver list, named in the "Assigned to" notice and on the order and the order list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsLookupsTest {
  private static Path dir;

  @LocalServerPort
  int port;

  @Autowired
  Restock restock;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @Test
  void aDriverBeyondTheFirstThousandUsersIsOfferedAndNamed() {
    UUID adminId = restock.as(Actor.system()).users().getByUsername("admin").id();
    RestockSession admin = restock.as(Actor.user(adminId).withReason("test"));
    for (int i = 0; i < PageRequest.MAX_SIZE; i++) {
      String name = String.format("d%04d", i);
      admin.users().create(new CreateUser(name, name + "@restock.example", Role.DRIVER));
    }
    // users sort by username: this one is past the first MAX_SIZE users and drivers
    User last = admin.users().create(new CreateUser("zz-last-driver",
        "zz-last-driver@restock.example", Role.DRIVER));
    assertThat(admin.users().list(PageRequest.of(0, PageRequest.MAX_SIZE)).items())
        .extracting(User::id).doesNotContain(last.id());
    ServiceOrder order = admin.serviceOrders().create(CreateServiceOrder.forRoute(
        admin.routes().getByCode(DemoFleet.ROUTE).id()));
    OpsConsole office = OpsConsole.signIn(port, "admin", WebDatabases.ADMIN_PASSWORD);

    String page = office.get("/orders/" + order.id()).body();
    assertThat(page.contains("<option value=\"" + last.id() + "\">zz-last-driver</option>"))
        .as("the driver list offers zz-last-driver").isTrue();
    assertThat(page.split("<option ", -1)).as("every driver is offered")
        .hasSize(1 + PageRequest.MAX_SIZE + 2);

    HttpResponse<String> assigned = office.post("/orders/" + order.id() + "/assign",
        Map.of("driverId", last.id().toString()));
    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(OpsConsole.text(assigned.body(), "notice")).isEqualTo("Assigned to zz-last-driver.");
    assertThat(OpsConsole.text(assigned.body(), "order-driver")).isEqualTo("zz-last-driver");
    assertThat(admin.serviceOrders().get(order.id()).driverId()).isEqualTo(last.id());

    String orders = office.get("/orders").body();
    assertThat(orders.contains("<td>zz-last-driver</td>")).as("the list names the driver")
        .isTrue();
    assertThat(orders.contains("<td>" + DemoFleet.ROUTE + "</td>")).as("and the route").isTrue();
  }
}
