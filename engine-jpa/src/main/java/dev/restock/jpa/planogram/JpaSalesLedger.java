package dev.restock.jpa.planogram;

import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.shared.Criteria;
import dev.restock.api.shared.Page;
import dev.restock.api.shared.PageRequest;
import dev.restock.jpa.shared.CriteriaSql;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Append-only sales in the JPA store; a page of sales is read in two statements. */
public final class JpaSalesLedger implements SalesLedger {

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

  private static String column(String field) {
    String column = COLUMNS.get(field);
    if (column == null) {
      throw new IllegalArgumentException("no column for field " + field + " of sale");
    }
    return column;
  }

  /** The count in one statement, the page in another. */
  @Override
  public Page<SaleRecord> find(Criteria criteria, PageRequest request) {
    CriteriaSql sql = CriteriaSql.of(criteria, JpaSalesLedger::column);
    String where = "1 = 1" + sql.where();
    var session = UnitOfWork.currentSession();
    var count = session.createNativeQuery("select count(*) from sale s where " + where,
        Object.class);
    sql.bind(count);
    long total = ((Number) count.getSingleResult()).longValue();
    var page = session.createNativeQuery("select s.* from sale s where " + where + " order by "
        + sql.orderPrefix() + "s.recorded_at desc, s.seq desc", SaleEntity.class);
    sql.bind(page);
    List<SaleRecord> items = page.setFirstResult((int) request.offset())
        .setMaxResults(request.size()).getResultList().stream().map(SaleEntity::toDomain)
        .toList();
    return Page.of(items, request, total);
  }

  @Override
  public List<SaleRecord> forSlot(UUID slotId) {
    return UnitOfWork.currentSession()
        .createSelectionQuery("from SaleEntity e where e.slotId = :s order by e.recordedAt, e.seq",
            SaleEntity.class)
        .setParameter("s", slotId).getResultList().stream().map(SaleEntity::toDomain).toList();
  }
}
