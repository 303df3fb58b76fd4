package dev.restock.jpa.stock;

import dev.restock.api.stock.DeliveryNote;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An issued delivery note. Immutable, so not versioned by Envers: the order's dispatch revision
 * records who issued it.
 */
@Entity
@Immutable
@Table(name = "delivery_note")
public class DeliveryNoteEntity {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false)
  private UUID id;

  @Column(name = "number", length = 20, nullable = false)
  private String number;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "order_id", length = 36, nullable = false)
  private UUID orderId;

  @Column(name = "order_number", length = 20, nullable = false)
  private String orderNumber;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @OneToMany(mappedBy = "note", cascade = CascadeType.PERSIST)
  @OrderBy("sku")
  private List<DeliveryNoteLineEntity> lines = new ArrayList<>();

  protected DeliveryNoteEntity() {}

  DeliveryNoteEntity(DeliveryNote n) {
    id = n.id();
    number = n.number();
    orderId = n.orderId();
    orderNumber = n.orderNumber();
    issuedAt = n.issuedAt();
    n.lines().forEach(l -> lines.add(new DeliveryNoteLineEntity(this, l)));
  }

  UUID getId() {
    return id;
  }

  DeliveryNote toDomain() {
    return new DeliveryNote(id, number, orderId, orderNumber, issuedAt,
        lines.stream().map(DeliveryNoteLineEntity::toDomain)
            .sorted(java.util.Comparator.comparing(dev.restock.api.stock.DeliveryNoteLine::sku))
            .toList());
  }
}
