package dev.restock.jpa.planogram;

import dev.restock.jpa.report.JpaReports;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.mapping.SoftDeleteCascade;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Planograms with their slots. An update matches slots by id: changed slots are updated (one
 * history revision each), new ones inserted, missing ones soft-deleted.
 */
public final class JpaPlanograms extends JpaRepository<Planogram, PlanogramEntity>
    implements Planograms {
  private static final String WITH_SLOTS =
      "select distinct e from PlanogramEntity e left join fetch e.slots ";

  public JpaPlanograms(StoreContext store) {
    super(PlanogramEntity.class, "planogram", "name", false, store);
  }

  @Override protected Planogram toDomain(PlanogramEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected PlanogramEntity newEntity(Planogram p) { return new PlanogramEntity(p); }
  @Override protected String what() { return "planogram"; }
  @Override protected String orderProperty() { return "name"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.PLANOGRAM; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("name", "name", "cabinetId", "cabinet_id", "active", "active");
  }

  @Override
  protected void copy(Planogram p, PlanogramEntity e) {
    e.copy(p);
    Map<UUID, SlotEntity> existing = new HashMap<>();
    e.slots().forEach(s -> existing.put(s.getId(), s));
    List<SlotEntity> removed = new ArrayList<>(e.slots());
    for (Slot slot : p.slots()) {
      SlotEntity entity = existing.get(slot.id());
      if (entity == null) {
        SlotEntity added = new SlotEntity(e, slot);
        e.slots().add(added);
        session().persist(added);
      } else {
        entity.copy(slot);
        removed.remove(entity);
      }
    }
    for (SlotEntity gone : removed) {
      e.slots().remove(gone);
      session().remove(gone);
    }
    // removed positions are freed before new slots may take them
    session().flush();
  }

  /** Soft-deletes the planogram with its live slots, in one revision. */
  @Override
  public void softDelete(UUID id) {
    dev.restock.jpa.tx.UnitOfWork.requireWrite();
    PlanogramEntity planogram = liveEntity(id);
    List.copyOf(planogram.slots()).forEach(session()::remove);
    session().remove(planogram);
    session().flush();
  }

  /** Restores the planogram and exactly the slots deleted with it; each gets a restore revision. */
  @Override
  public Planogram restore(UUID id) {
    dev.restock.jpa.tx.UnitOfWork.requireWrite();
    long rev = SoftDeleteCascade.deletionRevision(session(), "planogram_aud", id);
    List<UUID> slots = SoftDeleteCascade.deletedWith(session(), "slot_aud", "planogram_id",
        List.of(id), rev);
    SoftDeleteCascade.undelete(session(), "slot", slots);
    Instant now = now();
    Planogram restored = super.restore(id);
    if (!slots.isEmpty()) {
      session().createSelectionQuery("from SlotEntity s where s.id in :ids", SlotEntity.class)
          .setParameter("ids", slots).getResultList().forEach(s -> s.markRestored(now));
      session().flush();
    }
    return restored;
  }

  @Override
  public List<dev.restock.api.planogram.SlotLocation> liveSlotsHolding(UUID productId) {
    return session().createSelectionQuery("select s.id, s.position, p.id, d.id, d.name,"
                + " c.cabinetIndex from SlotEntity s join s.planogram p,"
                + " dev.restock.jpa.fleet.CabinetEntity c join c.device d"
                + " where c.id = p.cabinetId and s.productId = :product"
                + " order by " + store.dialect().hqlTextSortKey("d.name") + ", c.cabinetIndex, "
                + JpaReports.GRID_ORDER, Object[].class)
        .setParameter("product", productId).getResultList().stream()
        .map(r -> new dev.restock.api.planogram.SlotLocation((UUID) r[0], (String) r[1],
            (UUID) r[2], (UUID) r[3], (String) r[4], ((Number) r[5]).intValue()))
        .toList();
  }

  @Override
  public Optional<Planogram> findActiveByCabinet(UUID cabinetId) {
    return session().createSelectionQuery(WITH_SLOTS + "where e.cabinetId = :c and e.active = true",
            PlanogramEntity.class)
        .setParameter("c", cabinetId).getResultStream().findFirst().map(e -> e.toDomain(null));
  }

  @Override
  public List<Planogram> findActiveByCabinets(Collection<UUID> cabinetIds) {
    if (cabinetIds.isEmpty()) {
      return List.of();
    }
    return session().createSelectionQuery(WITH_SLOTS + "where e.cabinetId in :c and e.active = true",
            PlanogramEntity.class)
        .setParameter("c", cabinetIds).getResultList().stream().map(e -> e.toDomain(null)).toList();
  }

  @Override
  public Map<UUID, Slot> findSlots(Collection<UUID> slotIds) {
    Map<UUID, Slot> result = new HashMap<>();
    slotEntities(slotIds).forEach((id, e) -> result.put(id, e.toDomain()));
    return result;
  }

  @Override
  public void updateSlots(Collection<Slot> slots) {
    dev.restock.jpa.tx.UnitOfWork.requireWrite();
    Map<UUID, SlotEntity> entities = managedOrLoaded(slots.stream().map(Slot::id).toList());
    for (Slot slot : slots) {
      SlotEntity entity = entities.get(slot.id());
      if (entity == null) {
        throw new dev.restock.api.error.NotFoundException("slot", slot.id());
      }
      entity.copy(slot);
    }
    session().flush();
  }

  /**
   * The slots this unit of work already holds (a use case reads slots, then writes them back),
   * and the others loaded in one statement: reading the same slots twice cost as much as writing
   * them.
   */
  private Map<UUID, SlotEntity> managedOrLoaded(Collection<UUID> slotIds) {
    SharedSessionContractImplementor session = session().unwrap(
        SharedSessionContractImplementor.class);
    EntityPersister persister = session.getFactory().getMappingMetamodel()
        .getEntityDescriptor(SlotEntity.class);
    PersistenceContext context = session.getPersistenceContextInternal();
    Map<UUID, SlotEntity> result = new HashMap<>();
    List<UUID> missing = new ArrayList<>();
    for (UUID id : slotIds) {
      Object held = context.getEntity(session.generateEntityKey(id, persister));
      EntityEntry entry = held == null ? null : context.getEntry(held);
      if (held instanceof SlotEntity slot && entry != null && entry.getStatus() == Status.MANAGED) {
        result.put(id, slot);
      } else {
        missing.add(id);
      }
    }
    result.putAll(slotEntities(missing));
    return result;
  }

  /** Live slots of live planograms by id, in one statement. */
  private Map<UUID, SlotEntity> slotEntities(Collection<UUID> slotIds) {
    Map<UUID, SlotEntity> result = new HashMap<>();
    if (!slotIds.isEmpty()) {
      session().createSelectionQuery(
              "select s from SlotEntity s join s.planogram p where s.id in :ids", SlotEntity.class)
          .setParameter("ids", slotIds).getResultList()
          .forEach(s -> result.put(s.getId(), s));
    }
    return result;
  }

  @Override
  public List<Planogram> findBySlotIds(Collection<UUID> slotIds) {
    if (slotIds.isEmpty()) {
      return List.of();
    }
    return session().createSelectionQuery(WITH_SLOTS
                + "where e.id in (select s.planogram.id from SlotEntity s where s.id in :s)",
            PlanogramEntity.class)
        .setParameter("s", slotIds).getResultList().stream().map(e -> e.toDomain(null)).toList();
  }
}
