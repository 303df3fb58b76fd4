package dev.restock.jpa.planogram;

import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.List;
import java.util.UUID;

/** Append-only sales in the JPA store. */
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

  @Override
  public List<SaleRecord> forSlot(UUID slotId) {
    return UnitOfWork.currentSession()
        .createSelectionQuery("from SaleEntity e where e.slotId = :s order by e.recordedAt, e.seq",
            SaleEntity.class)
        .setParameter("s", slotId).getResultList().stream().map(SaleEntity::toDomain).toList();
  }
}
