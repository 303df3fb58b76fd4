package dev.restock.jpa.planogram;

import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.jpa.repository.CriteriaSql;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Append-only sales in the JPA store; a page of sales is read in two statements. */
public final class JpaSalesLedger implements SalesLedger {
  private final StoreDialect dialect;

  /** @param dialect the database's dialect, which says how text sorts by code point */
  public JpaSalesLedger(StoreDialect dialect) {
    this.dialect = dialect;
  }


  @Override
  public void append(List<SaleRecord> records) {
    UnitOfWork.requireWrite();
    var session = UnitOfWork.currentSession();
    records.forEach(r -> session.persist(new SaleEntity(r)));
    session.flush();
  }

  @Override
  public java.util.Map<UUID, Integer> unitsSoldSince(java.util.Collection<UUID> slotIds,
      java.time.Instant since) {
    java.util.Map<UUID, Integer> result = new java.util.HashMap<>();
    if (slotIds.isEmpty()) {
      return result;
    }
    UnitOfWork.currentSession().createSelectionQuery(
            "select e.slotId, sum(e.units) from SaleEntity e"
                + " where e.slotId in :s and e.recordedAt >= :since group by e.slotId",
            Object[].class)
        .setParameter("s", slotIds).setParameter("since", since).getResultList()
        .forEach(row -> result.put((UUID) row[0], ((Number) row[1]).intValue()));
    return result;
  }

  /** The device of a sale's slot: slots never move, so this is also the device at the sale. */
  private static final String DEVICE = "(select c.device_id from slot sl"
      + " join planogram pl on pl.id = sl.planogram_id join cabinet c on c.id = pl.cabinet_id"
      + " where sl.id = s.slot_id)";

  /**
   * Columns of the searchable fields (constants). Native SQL sees soft-deleted rows, so the sku,
   * device and route of a sale answer after its product, slot or device was deleted.
   */
  private static final Map<String, String> COLUMNS = Map.of("slotId", "s.slot_id",
      "productId", "s.product_id", "sku", "(select p.sku from product p where p.id = s.product_id)",
      "deviceId", DEVICE, "routeId", "(select d.route_id from device d where d.id = " + DEVICE + ")",
      "units", "s.units", "recordedAt", "s.recorded_at", "recordedBy", "s.recorded_by");

  /** The count in one statement, the page in another. */
  @Override
  public Page<SaleRecord> find(Criteria criteria, PageRequest request) {
    CriteriaSql sql = CriteriaSql.of(criteria, COLUMNS, "sale",
        SearchFields.SALE, dialect);
    var session = UnitOfWork.currentSession();
    String from = "from sale s where 1 = 1";
    return Page.of(sql.page(session, "select s.*", from, "s.recorded_at desc, s.seq desc",
        SaleEntity.class, request).stream().map(SaleEntity::toDomain).toList(), request,
        sql.count(session, from));
  }

  @Override
  public List<SaleRecord> forSlot(UUID slotId) {
    return UnitOfWork.currentSession()
        .createSelectionQuery("from SaleEntity e where e.slotId = :s order by e.recordedAt, e.seq",
            SaleEntity.class)
        .setParameter("s", slotId).getResultList().stream().map(SaleEntity::toDomain).toList();
  }
}
