package dev.restock.jpa.serviceorder;

import dev.restock.api.serviceorder.OrderLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One slot's planned and delivered units within a visit: the current state, for queries. Not
 * audited since schema version 7: a visit's lines are audited together as one document
 * ({@link VisitLinesEntity}); {@code order_line_aud} keeps the rows of earlier revisions, which
 * their chain hashes cover.
 */
@Entity
@Table(name = "order_line")
public class OrderLineEntity {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "visit_id", nullable = false, updatable = false)
  private VisitEntity visit;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "slot_id", length = 36, nullable = false, updatable = false)
  private UUID slotId;

  @Column(name = "position", length = 3, nullable = false, updatable = false)
  private String position;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "product_id", length = 36, nullable = false, updatable = false)
  private UUID productId;

  @Column(name = "planned", nullable = false, updatable = false)
  private int planned;

  @Column(name = "delivered")
  private Integer delivered;

  protected OrderLineEntity() {}

  OrderLineEntity(VisitEntity visit, OrderLine l) {
    this.id = l.id();
    this.visit = visit;
    this.slotId = l.slotId();
    this.position = l.position();
    this.productId = l.productId();
    this.planned = l.planned();
    this.delivered = l.delivered();
  }

  UUID getId() {
    return id;
  }

  void copy(OrderLine l) {
    delivered = l.delivered();
  }

  OrderLine toDomain() {
    return new OrderLine(id, slotId, position, productId, planned, delivered);
  }
}
