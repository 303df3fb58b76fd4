package dev.restock.jpa.planogram;

import dev.restock.api.planogram.SaleRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An append-only sale row. Not audited (it is itself a record of an event) and never deleted.
 * The sequence the database assigns keeps insertion order when timestamps tie.
 */
@Entity
@Table(name = "sale")
public class SaleEntity {
  // The database numbers the rows as they are inserted (an identity column; on SQLite INTEGER
  // PRIMARY KEY, see RevisionEntity), in the order of the insert statements. The entity never
  // reads the number back: as an identity id it would make Hibernate insert sales one statement
  // at a time (and on SQLite ask for every key again), so the sale's own id is the entity's id
  // and sales are inserted in JDBC batches, in the order they were recorded.
  @Column(name = "seq", columnDefinition = "integer", insertable = false, updatable = false)
  private Long seq;

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  private UUID id;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "slot_id", length = 36, nullable = false, updatable = false)
  private UUID slotId;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "product_id", length = 36, nullable = false, updatable = false)
  private UUID productId;

  @Column(name = "units", nullable = false, updatable = false)
  private int units;

  @Column(name = "previous_quantity", nullable = false, updatable = false)
  private int previousQuantity;

  @Column(name = "new_quantity", nullable = false, updatable = false)
  private int newQuantity;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "recorded_by", length = 36, nullable = false, updatable = false)
  private UUID recordedBy;

  protected SaleEntity() {}

  SaleEntity(SaleRecord r) {
    id = r.id();
    slotId = r.slotId();
    productId = r.productId();
    units = r.units();
    previousQuantity = r.previousQuantity();
    newQuantity = r.newQuantity();
    recordedAt = r.recordedAt();
    recordedBy = r.recordedBy();
  }

  SaleRecord toDomain() {
    return new SaleRecord(id, slotId, productId, units, previousQuantity, newQuantity, recordedAt,
        recordedBy);
  }
}
