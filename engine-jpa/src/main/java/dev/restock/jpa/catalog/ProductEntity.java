package dev.restock.jpa.catalog;

import dev.restock.api.catalog.Product;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;

@Entity
@Table(name = "product")
@Audited
@jakarta.persistence.Cacheable
@org.hibernate.annotations.Cache(usage = org.hibernate.annotations.CacheConcurrencyStrategy.READ_WRITE)
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class ProductEntity extends BaseEntity {
  @Column(name = "sku", length = 64, nullable = false)
  private String sku;

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "category", length = 100)
  private String category;

  @Column(name = "price", precision = 12, scale = 2, nullable = false)
  private BigDecimal price;

  @Column(name = "case_pack", nullable = false)
  private int casePack;

  @Column(name = "active", nullable = false)
  private boolean active;

  protected ProductEntity() {}

  public ProductEntity(Product p) {
    this.id = p.id();
    copy(p);
  }

  public void copy(Product p) {
    sku = p.sku();
    name = p.name();
    category = p.category();
    price = p.price();
    casePack = p.casePack();
    active = p.active();
  }

  public Product toDomain(Instant deletedAt) {
    return new Product(id, sku, name, category, price.setScale(2, java.math.RoundingMode.HALF_UP),
        casePack, active, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("sku", sku).put("name", name).put("category", category)
        .put("price", price).put("casePack", casePack).put("active", active).map();
  }
}
