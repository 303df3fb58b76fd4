package dev.restock.jpa.planogram;

import dev.restock.api.planogram.Slot;
import dev.restock.jpa.mapping.AuditState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** One slot of a planogram; audited on its own so its quantity has a history. */
@Entity
@Table(name = "slot")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class SlotEntity {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "planogram_id", nullable = false, updatable = false)
  private PlanogramEntity planogram;

  @Column(name = "position", length = 3, nullable = false)
  private String position;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "product_id", length = 36)
  private UUID productId;

  @Column(name = "capacity", nullable = false)
  private int capacity;

  @Column(name = "par_level", nullable = false)
  private int parLevel;

  @Column(name = "quantity", nullable = false)
  private int quantity;

  @Column(name = "price", precision = 12, scale = 2)
  private BigDecimal price;

  /** Set when the entity is restored after a soft delete, so history records the restore. */
  @Column(name = "restored_at")
  private java.time.Instant restoredAt;

    protected SlotEntity() {}

  /** Records a restore as a real change, so Envers writes it as a revision of its own. */
  /**
   * Marks a restore with its device. The mark must change so that Envers writes the restore as a
   * revision of its own, even a second restore within the same millisecond: then it is one
   * millisecond after the last mark.
   */
  public void markRestored(java.time.Instant at) {
    restoredAt = restoredAt != null && !at.isAfter(restoredAt) ? restoredAt.plusMillis(1) : at;
  }

  SlotEntity(PlanogramEntity planogram, Slot s) {
    this.id = s.id();
    this.planogram = planogram;
    copy(s);
  }

  public UUID getId() {
    return id;
  }

  /** Copies the slot's fields; returns whether any changed. */
  boolean copy(Slot s) {
    boolean changed = !Objects.equals(position, s.position())
        || !Objects.equals(productId, s.productId()) || capacity != s.capacity()
        || parLevel != s.parLevel() || quantity != s.quantity()
        || !samePrice(price, s.price());
    position = s.position();
    productId = s.productId();
    capacity = s.capacity();
    parLevel = s.parLevel();
    quantity = s.quantity();
    price = s.price();
    return changed;
  }

  private static boolean samePrice(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  Slot toDomain() {
    return new Slot(id, position, productId, capacity, parLevel, quantity,
        price == null ? null : price.setScale(2, RoundingMode.HALF_UP));
  }

  public Map<String, String> auditState() {
    return new AuditState().put("planogramId", planogram == null ? null : planogram.getId())
        .put("position", position).put("productId", productId).put("capacity", capacity)
        .put("parLevel", parLevel).put("quantity", quantity).put("price", price)
        .put("restoredAt", restoredAt).map();
  }

  String historyKey() {
    return position;
  }

  String historyValue() {
    return "product=" + productId + ", capacity=" + capacity + ", par=" + parLevel
        + ", quantity=" + quantity + (price == null ? "" : ", price=" + price.toPlainString());
  }
}
