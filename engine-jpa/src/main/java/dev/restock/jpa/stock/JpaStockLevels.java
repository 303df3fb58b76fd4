package dev.restock.jpa.stock;

import jakarta.persistence.LockModeType;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.stock.port.out.StockLevels;
import dev.restock.jpa.repository.CriteriaSql;
import dev.restock.jpa.repository.StoreContext;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stock levels in the JPA store. Rows carry an optimistic version, so a unit that read a level
 * which another unit changed before it commits fails with a conflict instead of losing an update.
 */
public final class JpaStockLevels implements StockLevels {
  private final StoreContext store;

  public JpaStockLevels(StoreContext store) {
    this.store = store;
  }

  @Override
  public Map<UUID, Integer> onHand(Collection<UUID> productIds) {
    Map<UUID, Integer> result = new HashMap<>();
    if (productIds.isEmpty()) {
      return result;
    }
    UnitOfWork.currentSession()
        .createSelectionQuery("from StockEntity s where s.id in :ids", StockEntity.class)
        .setParameter("ids", productIds).getResultList()
        .forEach(s -> result.put(s.getId(), s.onHand()));
    return result;
  }

  /** Locks the existing rows in id order, so that two units locking several never deadlock. */
  @Override
  public Map<UUID, Integer> onHandForUpdate(Collection<UUID> productIds) {
    UnitOfWork.requireWrite();
    Map<UUID, Integer> result = new HashMap<>();
    if (productIds.isEmpty()) {
      return result;
    }
    UnitOfWork.currentSession()
        .createSelectionQuery("from StockEntity s where s.id in :ids order by s.id",
            StockEntity.class)
        .setParameter("ids", productIds).setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(s -> result.put(s.getId(), s.onHand()));
    return result;
  }

  @Override
  public void set(Map<UUID, Integer> onHandByProduct) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    if (onHandByProduct.isEmpty()) {
      return;
    }
    onHandByProduct.forEach((product, units) -> {
      if (units < 0) {
        throw new IllegalArgumentException("stock of " + product + " cannot be negative: " + units);
      }
    });
    var session = unit.session();
    Map<UUID, StockEntity> loaded = new HashMap<>();
    session.createSelectionQuery("from StockEntity s where s.id in :ids", StockEntity.class)
        .setParameter("ids", onHandByProduct.keySet()).getResultList()
        .forEach(s -> loaded.put(s.getId(), s));
    var now = store.now();
    onHandByProduct.forEach((product, units) -> {
      StockEntity entity = loaded.get(product);
      if (entity == null) {
        entity = new StockEntity(product, units);
        entity.stampCreated(unit.context().actor(), now);
        session.persist(entity);
      } else if (entity.onHand() != units) {
        entity.onHand(units);
        entity.stampUpdated(unit.context().actor(), now);
      }
    });
    session.flush();
  }

  /** Columns of the searchable fields (constants); a product without a row has 0 on hand. */
  private static final Map<String, String> COLUMNS = Map.of("productId", "p.id", "sku", "p.sku",
      "name", "p.name", "category", "p.category", "onHand", "coalesce(s.on_hand, 0)");

  private static final String FROM = "from product p left join stock_level s on s.id = p.id"
      + " where p.deleted_at is null";

  /** The count in one statement, the page in another. */
  @Override
  public Page<StockLevel> find(Criteria criteria, PageRequest request) {
    CriteriaSql sql = CriteriaSql.of(criteria, COLUMNS, "stock level",
        SearchFields.STOCK_LEVEL, store.dialect());
    var session = UnitOfWork.currentSession();
    List<StockLevel> items = sql.page(session,
            "select p.id, p.sku, p.name, coalesce(s.on_hand, 0)", FROM, "p.sku", Object[].class,
            request).stream()
        .map(r -> new StockLevel(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
            ((Number) r[3]).intValue())).toList();
    return Page.of(items, request, sql.count(session, FROM));
  }

  @Override
  public Map<UUID, Integer> all() {
    Map<UUID, Integer> result = new HashMap<>();
    UnitOfWork.currentSession().createSelectionQuery("from StockEntity s", StockEntity.class)
        .getResultList().forEach(s -> result.put(s.getId(), s.onHand()));
    return result;
  }
}
