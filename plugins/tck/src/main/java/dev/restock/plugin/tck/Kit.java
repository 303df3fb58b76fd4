package dev.restock.plugin.tck;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.spi.Store;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Units of work and rows the store contracts share; not part of the kit's API. */
final class Kit {
  /** Sixty-four lower-case hex digits: a SHA-256 hash as the chain shows it. */
  static final String HEX_64 = "[0-9a-f]{64}";

  /** {@code Criteria.sortBy}'s second argument, named: it asks whether to sort descending. */
  static final boolean ASCENDING = false;

  /** {@code Criteria.sortBy}'s second argument, named. */
  static final boolean DESCENDING = true;

  /** An instant later than any a store records while the kit runs: an open upper bound. */
  static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

  /** The fixed instant the kit stamps the events and checkpoints it writes with. */
  static final Instant MONDAY = Instant.parse("2026-01-05T08:00:00Z");

  private Kit() {}

  /**
   * Waits until the wall clock, which stores stamp revisions with (in milliseconds), reads later
   * than {@code recorded}, and answers the first such millisecond. Two revisions written before
   * and after this call are told apart by time without a guessed sleep.
   */
  static Instant clockPast(Instant recorded) {
    Instant limit = recorded.truncatedTo(ChronoUnit.MILLIS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      if (now.isAfter(limit)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the clock did not pass " + recorded + " in 10 s: the "
            + "store recorded an instant in the future");
      }
      Thread.onSpinWait();
    }
  }

  static <T> T write(Store store, String action, Supplier<T> work) {
    return store.transactions().write(new AuditContext(Actor.system(), action), work);
  }

  static <T> T read(Store store, Supplier<T> work) {
    return store.transactions().read(work);
  }

  static Product product(String sku, String name, String price) {
    return new Product(UUID.randomUUID(), sku, name, "Drinks", new BigDecimal(price), 6, true, 0,
        AuditStamp.NEW, null);
  }

  static Product add(Store store, String sku, String name, String price) {
    return write(store, "product.create", () -> store.products().add(product(sku, name, price)));
  }

  static List<String> skus(Store store, Visibility visibility) {
    return read(store, () -> store.products().list(PageRequest.of(0, 10), visibility)).items()
        .stream().map(Product::sku).toList();
  }

  static List<RevisionKind> kinds(Store store, AuditedType type, UUID id) {
    return read(store, () -> store.history().revisions(type, id)).stream()
        .map(EntityRevision::kind).toList();
  }

  static User user(String name, String email, Role role, boolean active) {
    return new User(UUID.randomUUID(), name, email, role, active, 0, AuditStamp.NEW, null);
  }

  static ServiceOrder order(String number, StoreFixture.Reference ref,
      StoreFixture.FleetDevice fleet, UUID driver) {
    Device d = fleet.device();
    Planogram p = fleet.planograms().get(0);
    List<OrderLine> lines = p.slots().stream().map(s -> new OrderLine(UUID.randomUUID(), s.id(),
        s.position(), s.productId(), s.capacity() - s.quantity(), null)).toList();
    return new ServiceOrder(UUID.randomUUID(), number, ref.route().id(), driver,
        driver == null ? OrderStatus.PENDING : OrderStatus.ASSIGNED, "fill-to-par", 10, null,
        null, List.of(new Visit(UUID.randomUUID(), d.id(), d.name(), d.cabinets().get(0).id(), 1,
            VisitStatus.PENDING, null, null, lines)), 0, AuditStamp.NEW, null);
  }

  static ServiceOrder withStatus(ServiceOrder o, OrderStatus status) {
    return new ServiceOrder(o.id(), o.number(), o.routeId(), o.driverId(), status, o.strategyId(),
        o.estimatedMinutes(), o.deliveryNoteId(), o.notes(), o.visits(), o.version(), o.stamp(),
        null);
  }
}
