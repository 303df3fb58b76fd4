package dev.restock.api.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every transition of an order and of a visit: the allowed ones and the refused ones. */
class ServiceOrderTransitionsTest {
  private static final Instant AT = Instant.parse("2026-12-08T09:30:00Z");
  private static final UUID DAVE = UUID.randomUUID();
  private static final UUID ERIN = UUID.randomUUID();
  private static final UUID NOTE = UUID.randomUUID();
  private final UUID slotA1 = UUID.randomUUID();
  private final UUID slotA2 = UUID.randomUUID();

  private Visit visit(String device, VisitStatus status) {
    return new Visit(UUID.randomUUID(), UUID.randomUUID(), device, UUID.randomUUID(), 1, status,
        null, null, List.of(
            new OrderLine(UUID.randomUUID(), slotA1, "A1", UUID.randomUUID(), 4, null),
            new OrderLine(UUID.randomUUID(), slotA2, "A2", UUID.randomUUID(), 3, null)));
  }

  private ServiceOrder order(OrderStatus status, Visit... visits) {
    return new ServiceOrder(UUID.randomUUID(), "SO-2026-000007", UUID.randomUUID(),
        status == OrderStatus.PENDING ? null : DAVE, status, "fill-to-par", 20,
        status == OrderStatus.IN_PROGRESS || status == OrderStatus.COMPLETED ? NOTE : null, null,
        List.of(visits), 3, AuditStamp.NEW, null);
  }

  private ServiceOrder order(OrderStatus status) {
    return order(status, visit("M1", VisitStatus.PENDING), visit("M2", VisitStatus.PENDING));
  }

  // ------------------------------------------------------------------------------- assign

  @Test
  void aPendingOrderIsAssignedToADriver() {
    ServiceOrder pending = order(OrderStatus.PENDING);
    ServiceOrder assigned = pending.assign(DAVE);
    assertThat(assigned.status()).isEqualTo(OrderStatus.ASSIGNED);
    assertThat(assigned.driverId()).isEqualTo(DAVE);
    assertThat(assigned.version()).isEqualTo(pending.version());
    assertThat(pending.status()).as("records are values").isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void anAssignedOrderIsReassignedToAnotherDriver() {
    ServiceOrder reassigned = order(OrderStatus.ASSIGNED).assign(ERIN);
    assertThat(reassigned.status()).isEqualTo(OrderStatus.ASSIGNED);
    assertThat(reassigned.driverId()).isEqualTo(ERIN);
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = {"IN_PROGRESS", "COMPLETED", "CANCELLED"})
  void assigningIsRefusedOnceDispatchedOrClosed(OrderStatus from) {
    assertThatThrownBy(() -> order(from).assign(ERIN))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("SO-2026-000007 cannot go from " + from + " to ASSIGNED");
  }

  // ----------------------------------------------------------------------------- dispatch

  @Test
  void anAssignedOrderIsDispatchedWithItsDeliveryNote() {
    ServiceOrder dispatched = order(OrderStatus.ASSIGNED).dispatch(NOTE);
    assertThat(dispatched.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    assertThat(dispatched.deliveryNoteId()).isEqualTo(NOTE);
    assertThat(dispatched.driverId()).isEqualTo(DAVE);
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = "ASSIGNED", mode = EnumSource.Mode.EXCLUDE)
  void dispatchIsRefusedFromAnyOtherState(OrderStatus from) {
    assertThatThrownBy(() -> order(from).dispatch(UUID.randomUUID()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("cannot go from " + from + " to IN_PROGRESS");
  }

  // ------------------------------------------------------------------------------- cancel

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = {"PENDING", "ASSIGNED"})
  void aPendingOrAssignedOrderIsCancelledWithItsReason(OrderStatus from) {
    ServiceOrder cancelled = order(from).cancel("route closed");
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.notes()).isEqualTo("route closed");
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = {"IN_PROGRESS", "COMPLETED", "CANCELLED"})
  void cancellingIsRefusedOnceDispatchedOrClosed(OrderStatus from) {
    assertThatThrownBy(() -> order(from).cancel("too late"))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("cannot go from " + from + " to CANCELLED");
  }

  // ----------------------------------------------------------------------------- complete

  @Test
  void anOrderInProgressWithEveryVisitClosedCompletes() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS, visit("M1", VisitStatus.COMPLETED),
        visit("M2", VisitStatus.SKIPPED));
    assertThat(order.complete().status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void completingIsRefusedWhileAVisitIsPending() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS, visit("M1", VisitStatus.COMPLETED),
        visit("M2", VisitStatus.PENDING));
    assertThatThrownBy(order::complete).isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("from IN_PROGRESS to COMPLETED: 1 visit(s) still PENDING");
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
  void completingIsRefusedFromAnyStateButInProgress(OrderStatus from) {
    ServiceOrder order = order(from, visit("M1", VisitStatus.COMPLETED));
    assertThatThrownBy(order::complete).isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("cannot go from " + from + " to COMPLETED");
  }

  // --------------------------------------------------------------------------- closeVisit

  @Test
  void closingAVisitThatIsNotTheLastKeepsTheOrderInProgress() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS);
    Visit first = order.visits().get(0);
    ServiceOrder after = order.closeVisit(first.complete(Map.of(), null, AT));
    assertThat(after.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    assertThat(after.visits()).extracting(Visit::status)
        .containsExactly(VisitStatus.COMPLETED, VisitStatus.PENDING);
  }

  @Test
  void closingTheLastPendingVisitCompletesTheOrder() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS, visit("M1", VisitStatus.SKIPPED),
        visit("M2", VisitStatus.PENDING));
    Visit last = order.visits().get(1);
    ServiceOrder after = order.closeVisit(last.skip("blocked", AT));
    assertThat(after.status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
  void noVisitIsServicedUnlessTheOrderIsInProgress(OrderStatus from) {
    ServiceOrder order = order(from);
    Visit first = order.visits().get(0);
    assertThatThrownBy(() -> order.pendingVisit(first.id(), VisitStatus.COMPLETED))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining(from.name());
    assertThatThrownBy(() -> order.closeVisit(first.complete(Map.of(), null, AT)))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining(from.name());
  }

  @Test
  void aVisitAlreadyClosedInTheOrderIsNotClosedAgain() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS, visit("M1", VisitStatus.COMPLETED),
        visit("M2", VisitStatus.PENDING));
    Visit done = order.visits().get(0);
    assertThatThrownBy(() -> order.pendingVisit(done.id(), VisitStatus.SKIPPED))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("cannot go from COMPLETED to SKIPPED");
    Visit forged = new Visit(done.id(), done.deviceId(), done.deviceName(), done.cabinetId(),
        done.cabinetIndex(), VisitStatus.SKIPPED, "again", AT, done.lines());
    assertThatThrownBy(() -> order.closeVisit(forged))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("already COMPLETED");
  }

  @Test
  void aVisitIsClosedOnlyAsCompletedOrSkipped() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS);
    assertThatThrownBy(() -> order.closeVisit(order.visits().get(0)))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("not PENDING");
  }

  @Test
  void aVisitOfAnotherOrderIsNotFound() {
    ServiceOrder order = order(OrderStatus.IN_PROGRESS);
    Visit stranger = visit("M9", VisitStatus.PENDING);
    assertThatThrownBy(() -> order.closeVisit(stranger.complete(Map.of(), null, AT)))
        .isInstanceOf(NotFoundException.class);
  }

  // -------------------------------------------------------------------------------- visits

  @Test
  void aPendingVisitCompletesWithWhatWasDeliveredAndPlannedForUnlistedSlots() {
    Visit done = visit("M1", VisitStatus.PENDING).complete(Map.of(slotA1, 1), "A1 short", AT);
    assertThat(done.status()).isEqualTo(VisitStatus.COMPLETED);
    assertThat(done.completedAt()).isEqualTo(AT);
    assertThat(done.notes()).isEqualTo("A1 short");
    assertThat(done.lines()).extracting(OrderLine::position, OrderLine::planned,
        OrderLine::delivered).containsExactly(tuple("A1", 4, 1), tuple("A2", 3, 3));
  }

  @Test
  void aPendingVisitIsSkippedWithNothingDelivered() {
    Visit skipped = visit("M1", VisitStatus.PENDING).skip("machine blocked", AT);
    assertThat(skipped.status()).isEqualTo(VisitStatus.SKIPPED);
    assertThat(skipped.notes()).isEqualTo("machine blocked");
    assertThat(skipped.completedAt()).isEqualTo(AT);
    assertThat(skipped.lines()).extracting(OrderLine::delivered).containsExactly(0, 0);
  }

  @ParameterizedTest
  @EnumSource(value = VisitStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
  void aClosedVisitIsNeitherCompletedNorSkippedAgain(VisitStatus from) {
    Visit closed = visit("M1", from);
    assertThatThrownBy(() -> closed.complete(Map.of(), null, AT))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("M1 cabinet 1").hasMessageContaining("from " + from + " to COMPLETED");
    assertThatThrownBy(() -> closed.skip("again", AT))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("from " + from + " to SKIPPED");
  }
}
