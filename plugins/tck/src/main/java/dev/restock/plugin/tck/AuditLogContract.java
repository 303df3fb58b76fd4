package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code AuditLog} port: events of committed units only, summed
 * activity, and events found by criteria newest first.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface AuditLogContract extends StoreUnderTest {
  @Test
  default void theAuditLogKeepsEventsOfCommittedUnitsOnly() {
    UUID resource = UUID.randomUUID();
    write("product.create", () -> {
      store().auditLog().accept(new AuditEvent(0, Kit.MONDAY, Actor.SYSTEM_ID, "product.create",
          "product", resource, Map.of("reason", "kit"), null, null, "c-1"));
      return null;
    });
    assertThatThrownBy(() -> write("product.update", () -> {
      store().auditLog().accept(new AuditEvent(0, Kit.MONDAY, Actor.SYSTEM_ID, "product.update",
          "product", resource, Map.of(), null, null, null));
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");

    List<AuditEvent> events = read(() -> store().auditLog().events(Actor.SYSTEM_ID, "product",
        resource, Instant.EPOCH));
    assertThat(events).extracting(AuditEvent::action).containsExactly("product.create");
    assertThat(events.get(0).details()).containsEntry("reason", "kit");
    assertThat(events.get(0).correlationId()).isEqualTo("c-1");
    assertThat(read(() -> store().auditLog().activity(null, Instant.EPOCH)))
        .extracting(a -> a.action() + "=" + a.count()).containsExactly("product.create=1");
  }

  @Test
  default void auditEventsAreFoundByCriteriaNewestFirst() {
    UUID ann = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    UUID cola = UUID.randomUUID();
    UUID water = UUID.randomUUID();
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    Object[][] rows = {
        {monday, ann, "product.create", cola, "10.0.0.1", "c-1"},
        {monday.plusSeconds(60), ann, "product.create", water, "10.0.0.1", "c-1"},
        {monday.plusSeconds(86_400), bob, "product.update", cola, "10.0.0.2", null},
        {monday.plusSeconds(86_400), bob, "product.delete", water, null, "c-2"},
        {monday.plusSeconds(2 * 86_400), ann, "product.restore", water, "10.0.0.1", null}};
    for (Object[] r : rows) {
      write((String) r[2], () -> {
        store().auditLog().accept(new AuditEvent(0, (Instant) r[0], (UUID) r[1], (String) r[2],
            "product", (UUID) r[3], Map.of("sku", "S"), (String) r[4], "kit/1", (String) r[5]));
        return null;
      });
    }
    assertThatThrownBy(() -> write("product.delete", () -> {
      store().auditLog().accept(new AuditEvent(0, monday.plusSeconds(3 * 86_400), ann,
          "product.delete", "product", cola, Map.of(), null, null, null));
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");

    Page<AuditEvent> all = read(() -> store().auditLog().find(
        SearchFields.AUDIT_EVENT.check(Criteria.all()), PageRequest.of(0, 3)));
    // newest first; the two events of Tuesday in the reverse of the order they were written
    assertThat(all.items()).extracting(AuditEvent::action)
        .containsExactly("product.restore", "product.delete", "product.update");
    assertThat(all.items().get(0).details()).containsEntry("sku", "S");
    assertThat(all.items().get(0).revision()).isPositive();
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.pages()).isEqualTo(2);

    assertThat(events(Criteria.where("actorId", Criteria.Operator.EQ, ann.toString())
        .and("resourceId", Criteria.Operator.EQ, water.toString())))
        .containsExactly("product.restore", "product.create");
    assertThat(events(Criteria.where("action", Criteria.Operator.STARTS_WITH, "product.")
        .and("at", Criteria.Operator.BETWEEN, "2026-01-06T00:00:00Z", "2026-01-06T23:59:59Z")
        .sortBy("action", Kit.ASCENDING))).containsExactly("product.delete", "product.update");
    assertThat(events(Criteria.where("correlationId", Criteria.Operator.EQ, "c-1")
        .and("clientAddress", Criteria.Operator.EQ, "10.0.0.1").sortBy("at", Kit.ASCENDING)))
        .containsExactly("product.create", "product.create");
    assertThat(events(Criteria.where("clientAddress", Criteria.Operator.IS_NULL)))
        .containsExactly("product.delete");
    assertThat(events(Criteria.where("userAgent", Criteria.Operator.CONTAINS, "KIT")
        .and("resourceType", Criteria.Operator.IN, "product", "device"))).hasSize(5);
    assertThat(events(Criteria.where("action", Criteria.Operator.EQ, "product.delete")
        .and("at", Criteria.Operator.GT, "2026-01-07T00:00:00Z"))).isEmpty();
  }

  private List<String> events(Criteria criteria) {
    return read(() -> store().auditLog().find(SearchFields.AUDIT_EVENT.check(criteria),
        PageRequest.of(0, 10))).items().stream().map(AuditEvent::action).toList();
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
