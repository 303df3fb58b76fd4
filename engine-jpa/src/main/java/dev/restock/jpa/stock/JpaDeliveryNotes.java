package dev.restock.jpa.stock;

import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.port.out.DeliveryNotes;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.Optional;
import java.util.UUID;

/** Delivery notes in the JPA store; a note is read with its lines in one statement. */
public final class JpaDeliveryNotes implements DeliveryNotes {
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
}
