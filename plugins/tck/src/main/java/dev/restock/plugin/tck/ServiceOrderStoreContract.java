package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code ServiceOrderStore} port: orders keep their visits and lines,
 * refuse stale versions and taken numbers, and are found by criteria with their visits.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface ServiceOrderStoreContract extends StoreUnderTest {
  @Test
  default void serviceOrdersKeepVisitsAndLinesAndRefuseStaleVersionsAndTakenNumbers() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 1, 5);
    User driver = write("user.create", () -> store().users().add(Kit.user("dan", "dan@example.com",
        Role.DRIVER, true)));
    ServiceOrder first = write("order.create", () -> store().serviceOrders().add(
        Kit.order("SO-1", ref, fleet, null)));
    ServiceOrder second = write("order.create", () -> store().serviceOrders().add(
        Kit.order("SO-2", ref, fleet, driver.id())));

    ServiceOrder read = read(() -> store().serviceOrders().findByNumber("SO-1")).orElseThrow();
    assertThat(read).isEqualTo(first);
    assertThat(read.visits()).hasSize(1);
    assertThat(read.visits().get(0).lines()).extracting(OrderLine::position)
        .containsExactly("A1", "A2");
    assertThat(read(() -> store().serviceOrders().find(second.id()))).contains(second);
    assertThat(read(() -> store().serviceOrders().list(PageRequest.of(0, 10))).items())
        .extracting(ServiceOrder::number).containsExactly("SO-2", "SO-1");
    assertThat(read(() -> store().serviceOrders().openOrderNumbers(driver.id())))
        .containsExactly("SO-2");

    ServiceOrder started = write("order.start", () -> store().serviceOrders().update(
        Kit.withStatus(second, OrderStatus.IN_PROGRESS)));
    assertThat(started.version()).isGreaterThan(second.version());
    assertThatThrownBy(() -> write("order.start", () -> store().serviceOrders().update(
        Kit.withStatus(second, OrderStatus.CANCELLED)))).isInstanceOf(ConflictException.class);
    assertThat(read(() -> store().serviceOrders().find(second.id())).orElseThrow().status())
        .isEqualTo(OrderStatus.IN_PROGRESS);
    assertThatThrownBy(() -> write("order.create", () -> store().serviceOrders().add(
        Kit.order("SO-1", ref, fleet, null)))).isInstanceOf(ConflictException.class);
    assertThat(kinds(AuditedType.SERVICE_ORDER, second.id())).containsExactly(
        RevisionKind.CREATED, RevisionKind.MODIFIED);
  }

  @Test
  default void serviceOrdersAreFoundByCriteriaWithTheirVisits() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 1, 5);
    User driver = write("user.create", () -> store().users().add(Kit.user("dan", "dan@example.com",
        Role.DRIVER, true)));
    for (int i = 1; i <= 4; i++) {
      String number = "SO-" + i;
      UUID assigned = i % 2 == 0 ? driver.id() : null;
      write("order.create", () -> store().serviceOrders().add(Kit.order(number, ref, fleet, assigned)));
    }

    Page<ServiceOrder> byDriver = read(() -> store().serviceOrders().find(
        SearchFields.SERVICE_ORDER.check(Criteria.where("driverId", Criteria.Operator.EQ,
            driver.id().toString()).sortBy("number", Kit.ASCENDING)), PageRequest.of(0, 10)));
    assertThat(byDriver.items()).extracting(ServiceOrder::number).containsExactly("SO-2", "SO-4");
    assertThat(byDriver.items().get(0).visits().get(0).lines()).hasSize(2);
    Page<ServiceOrder> pending = read(() -> store().serviceOrders().find(
        SearchFields.SERVICE_ORDER.check(Criteria.where("status", Criteria.Operator.IN,
            "PENDING", "CANCELLED").and("driverId", Criteria.Operator.IS_NULL)
            .sortBy("number", Kit.DESCENDING)), PageRequest.of(0, 1)));
    assertThat(pending.items()).extracting(ServiceOrder::number).containsExactly("SO-3");
    assertThat(pending.total()).isEqualTo(2);
    assertThat(read(() -> store().serviceOrders().find(SearchFields.SERVICE_ORDER.check(
        Criteria.where("number", Criteria.Operator.STARTS_WITH, "so-")
            .and("routeId", Criteria.Operator.EQ, ref.route().id())), PageRequest.of(0, 10)))
        .total()).isEqualTo(4);
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }

  private List<RevisionKind> kinds(AuditedType type, UUID id) {
    return Kit.kinds(store(), type, id);
  }
}
