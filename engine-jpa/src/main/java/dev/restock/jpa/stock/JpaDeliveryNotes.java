package dev.restock.jpa.stock;

import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.port.out.DeliveryNotes;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.jpa.repository.CriteriaSql;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivery notes in the JPA store; a note is read with its lines in one statement, a page of notes
 * in three.
 */
public final class JpaDeliveryNotes implements DeliveryNotes {
  private final StoreDialect dialect;

  /** @param dialect the database's dialect, which says how text sorts by code point */
  public JpaDeliveryNotes(StoreDialect dialect) {
    this.dialect = dialect;
  }

  private static final String WITH_LINES =
      "select distinct n from DeliveryNoteEntity n left join fetch n.lines ";

  @Override
  public DeliveryNote add(DeliveryNote note) {
    UnitOfWork.requireWrite();
    DeliveryNoteEntity entity = new DeliveryNoteEntity(note);
    UnitOfWork.currentSession().persist(entity);
    UnitOfWork.currentSession().flush();
    return entity.toDomain();
  }

  @Override
  public Optional<DeliveryNote> findByNumber(String number) {
    return UnitOfWork.currentSession()
        .createSelectionQuery(WITH_LINES + "where n.number = :n", DeliveryNoteEntity.class)
        .setParameter("n", number).getResultStream().findFirst().map(DeliveryNoteEntity::toDomain);
  }

  @Override
  public Optional<DeliveryNote> find(UUID id) {
    return UnitOfWork.currentSession()
        .createSelectionQuery(WITH_LINES + "where n.id = :id", DeliveryNoteEntity.class)
        .setParameter("id", id).getResultStream().findFirst().map(DeliveryNoteEntity::toDomain);
  }

  /** Columns of the searchable fields (constants); a note's route is its order's. */
  private static final Map<String, String> COLUMNS = Map.of("number", "n.number",
      "orderId", "n.order_id", "orderNumber", "n.order_number", "issuedAt", "n.issued_at",
      "routeId", "(select o.route_id from service_order o where o.id = n.order_id)");

  /** The count and the ids of a page in two statements, the notes with their lines in one. */
  @Override
  public Page<DeliveryNote> find(Criteria criteria, PageRequest request) {
    CriteriaSql sql = CriteriaSql.of(criteria, COLUMNS, "delivery note",
        SearchFields.DELIVERY_NOTE, dialect);
    var session = UnitOfWork.currentSession();
    String from = "from delivery_note n where 1 = 1";
    long total = sql.count(session, from);
    List<UUID> ids = sql.page(session, "select n.id", from, "n.issued_at desc, n.number desc",
        String.class, request).stream().map(UUID::fromString).toList();
    if (ids.isEmpty()) {
      return Page.of(List.of(), request, total);
    }
    Map<UUID, DeliveryNote> notes = new HashMap<>();
    UnitOfWork.currentSession()
        .createSelectionQuery(WITH_LINES + "where n.id in :ids", DeliveryNoteEntity.class)
        .setParameter("ids", ids).getResultList()
        .forEach(n -> notes.put(n.getId(), n.toDomain()));
    return Page.of(ids.stream().map(notes::get).toList(), request, total);
  }
}
