package dev.restock.jpa.stock;

import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** Warehouse on-hand of one product (the id is the product's). */
@Entity
@Table(name = "stock_level")
@Audited
public class StockEntity extends BaseEntity {
  @Column(name = "on_hand", nullable = false)
  private int onHand;

  protected StockEntity() {}

  StockEntity(UUID productId, int onHand) {
    this.id = productId;
    this.onHand = onHand;
  }

  int onHand() {
    return onHand;
  }

  void onHand(int units) {
    this.onHand = units;
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("productId", id).put("onHand", onHand).map();
  }
}
