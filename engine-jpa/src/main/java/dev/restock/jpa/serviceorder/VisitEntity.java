package dev.restock.jpa.serviceorder;

import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.repository.ReservedPrefix;

import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;

/** One cabinet visit of a service order with its lines. */
@Entity
@Table(name = "service_visit")
@Audited
public class VisitEntity implements dev.restock.jpa.crypto.PlainPersonalValues {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id", nullable = false, updatable = false)
  private ServiceOrderEntity order;

  @Column(name = "sequence_no", nullable = false, updatable = false)
  private int sequenceNo;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "device_id", length = 36, nullable = false, updatable = false)
  private UUID deviceId;

  @Column(name = "device_name", length = 200, nullable = false, updatable = false)
  private String deviceName;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "cabinet_id", length = 36, nullable = false, updatable = false)
  private UUID cabinetId;

  @Column(name = "cabinet_index", nullable = false, updatable = false)
  private int cabinetIndex;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", length = 16, nullable = false)
  private VisitStatus status;

  /** Plain, or sealed under the store's data key when the store has keys ({@link FieldCrypto}). */
  @Column(name = "notes", length = 5500)
  private String notes;

  @Column(name = "completed_at")
  private Instant completedAt;

  // audited as the visit's lines document (VisitLinesEntity), not line by line
  @NotAudited
  @OneToMany(mappedBy = "visit", cascade = CascadeType.ALL)
  @OrderBy("position")
  private List<OrderLineEntity> lines = new ArrayList<>();

  protected VisitEntity() {}

  static final String TABLE = "service_visit";

  VisitEntity(ServiceOrderEntity order, int sequenceNo, Visit v, FieldCrypto crypto) {
    this.id = v.id();
    this.order = order;
    this.sequenceNo = sequenceNo;
    this.deviceId = v.deviceId();
    this.deviceName = v.deviceName();
    this.cabinetId = v.cabinetId();
    this.cabinetIndex = v.cabinetIndex();
    v.lines().forEach(l -> lines.add(new OrderLineEntity(this, l)));
    copyState(v, crypto);
  }

  UUID getId() {
    return id;
  }

  int sequenceNo() {
    return sequenceNo;
  }

  void copy(Visit v, FieldCrypto crypto) {
    copyState(v, crypto);
    Map<UUID, OrderLineEntity> byId = new HashMap<>();
    lines.forEach(l -> byId.put(l.getId(), l));
    for (OrderLine line : v.lines()) {
      OrderLineEntity entity = byId.get(line.id());
      if (entity == null) {
        throw new IllegalArgumentException("lines of a visit are fixed when the order is created");
      }
      entity.copy(line);
    }
  }

  private void copyState(Visit v, FieldCrypto crypto) {
    status = v.status();
    if (changed(v.notes(), crypto)) {
      ReservedPrefix.refuse("notes", v.notes()); // an old, unchanged note does not block
    }
    notes = crypto.seal(TABLE, "notes", FieldCrypto.STORE, v.notes(), notes);
    completedAt = v.completedAt();
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

  Visit toDomain(FieldCrypto crypto) {
    return new Visit(id, deviceId, deviceName, cabinetId, cabinetIndex, status,
        crypto.open(TABLE, "notes", id, notes), completedAt,
        VisitLinesEntity.sorted(lines.stream().map(OrderLineEntity::toDomain).toList()));
  }

  String historyKey() {
    return deviceName + " #" + cabinetIndex;
  }

  String historyValue(FieldCrypto crypto) {
    return "status=" + status
        + (notes == null ? "" : ", notes=" + crypto.open(TABLE, "notes", id, notes))
        + (completedAt == null ? "" : ", completedAt=" + completedAt);
  }
}
