package dev.restock.jpa.serviceorder;

import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.repository.ReservedPrefix;

import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** A service order with its visits and lines. Orders are cancelled, never deleted. */
@Entity
@Table(name = "service_order")
@Audited
public class ServiceOrderEntity extends BaseEntity implements dev.restock.jpa.crypto.PlainPersonalValues {
  @Column(name = "number", length = 20, nullable = false, updatable = false)
  private String number;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "route_id", length = 36, nullable = false, updatable = false)
  private UUID routeId;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "driver_id", length = 36)
  private UUID driverId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", length = 16, nullable = false)
  private OrderStatus status;

  @Column(name = "strategy_id", length = 64, nullable = false, updatable = false)
  private String strategyId;

  @Column(name = "estimated_minutes", nullable = false, updatable = false)
  private int estimatedMinutes;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "delivery_note_id", length = 36)
  private UUID deliveryNoteId;

  /** Plain, or sealed under the store's data key when the store has keys ({@link FieldCrypto}). */
  @Column(name = "notes", length = 5500)
  private String notes;

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
  private List<VisitEntity> visits = new ArrayList<>();

  protected ServiceOrderEntity() {}

  static final String TABLE = "service_order";

  ServiceOrderEntity(ServiceOrder o, FieldCrypto crypto) {
    this.id = o.id();
    this.number = o.number();
    this.routeId = o.routeId();
    this.strategyId = o.strategyId();
    this.estimatedMinutes = o.estimatedMinutes();
    for (int i = 0; i < o.visits().size(); i++) {
      visits.add(new VisitEntity(this, i, o.visits().get(i), crypto));
    }
    copyState(o, crypto);
  }

  List<VisitEntity> visits() {
    return visits;
  }

  void copy(ServiceOrder o, FieldCrypto crypto) {
    copyState(o, crypto);
    Map<UUID, VisitEntity> byId = new HashMap<>();
    visits.forEach(v -> byId.put(v.getId(), v));
    for (Visit visit : o.visits()) {
      VisitEntity entity = byId.get(visit.id());
      if (entity == null) {
        throw new IllegalArgumentException("visits of an order are fixed when it is created");
      }
      entity.copy(visit, crypto);
    }
  }

  private void copyState(ServiceOrder o, FieldCrypto crypto) {
    driverId = o.driverId();
    status = o.status();
    deliveryNoteId = o.deliveryNoteId();
    if (changed(o.notes(), crypto)) {
      ReservedPrefix.refuse("notes", o.notes()); // an old, unchanged note does not block
    }
    notes = crypto.seal(TABLE, "notes", FieldCrypto.STORE, o.notes(), notes);
  }

  /** Whether {@code note} differs from the note this row holds now (read as plain text). */
  private boolean changed(String note, FieldCrypto crypto) {
    return note != null && !note.equals(notes) && !note.equals(crypto.open(TABLE, "notes", id,
        notes));
  }

  @Override
  public int sealPlain(FieldCrypto crypto) {
    if (notes == null || FieldCrypto.isSealed(notes)) {
      return 0;
    }
    notes = crypto.seal(TABLE, "notes", FieldCrypto.STORE, notes, null);
    return 1;
  }

  ServiceOrder toDomain(FieldCrypto crypto) {
    return new ServiceOrder(id, number, routeId, driverId, status, strategyId, estimatedMinutes,
        deliveryNoteId, crypto.open(TABLE, "notes", id, notes),
        visits.stream().sorted(Comparator.comparingInt(VisitEntity::sequenceNo))
            .map(v -> v.toDomain(crypto)).toList(), version, stamp(), null);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("number", number).put("routeId", routeId).put("driverId", driverId)
        .put("status", status).put("strategyId", strategyId)
        .put("estimatedMinutes", estimatedMinutes).put("deliveryNoteId", deliveryNoteId)
        .put("notes", notes).map();
  }
}
