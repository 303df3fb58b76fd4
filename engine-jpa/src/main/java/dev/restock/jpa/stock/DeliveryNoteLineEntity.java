package dev.restock.jpa.stock;

import dev.restock.api.stock.DeliveryNoteLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One product line of a delivery note. */
@Entity
@Immutable
@Table(name = "delivery_note_line")
public class DeliveryNoteLineEntity {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "note_id", nullable = false)
  private DeliveryNoteEntity note;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "product_id", length = 36, nullable = false)
  private UUID productId;

  @Column(name = "sku", length = 64, nullable = false)
  private String sku;

  @Column(name = "quantity", nullable = false)
  private int quantity;

  protected DeliveryNoteLineEntity() {}

  DeliveryNoteLineEntity(DeliveryNoteEntity note, DeliveryNoteLine l) {
    this.id = UUID.randomUUID();
    this.note = note;
    this.productId = l.productId();
    this.sku = l.sku();
    this.quantity = l.quantity();
  }

  DeliveryNoteLine toDomain() {
    return new DeliveryNoteLine(productId, sku, quantity);
  }
}
