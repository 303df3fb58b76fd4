package dev.restock.jpa.planogram;

import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * A planogram and its slots. Slots cascade on persist only; the repository soft-deletes removed
 * slots explicitly so that deleting a planogram does not silently delete its slots.
 */
@Entity
@Table(name = "planogram")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class PlanogramEntity extends BaseEntity {
  private static final Comparator<Slot> BY_POSITION = Comparator
      .comparingInt((Slot s) -> Positions.row(s.position()))
      .thenComparingInt(s -> Positions.column(s.position()));

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "cabinet_id", length = 36, nullable = false, updatable = false)
  private UUID cabinetId;

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "active", nullable = false)
  private boolean active;

  @OneToMany(mappedBy = "planogram", cascade = CascadeType.PERSIST)
  private List<SlotEntity> slots = new ArrayList<>();

  protected PlanogramEntity() {}

  PlanogramEntity(Planogram p) {
    this.id = p.id();
    this.cabinetId = p.cabinetId();
    this.name = p.name();
    this.active = p.active();
    p.slots().forEach(s -> slots.add(new SlotEntity(this, s)));
  }

  List<SlotEntity> slots() {
    return slots;
  }

  /** Copies own fields; returns whether any changed. */
  boolean copy(Planogram p) {
    boolean changed = !name.equals(p.name()) || active != p.active();
    name = p.name();
    active = p.active();
    return changed;
  }

  Planogram toDomain(Instant deletedAt) {
    return new Planogram(id, cabinetId, name, active,
        slots.stream().map(SlotEntity::toDomain).sorted(BY_POSITION).toList(), version, stamp(),
        deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("cabinetId", cabinetId).put("name", name).put("active", active)
        .map();
  }

  /** The planogram with one entry per slot, so history shows slot changes as the planogram's. */
  public Map<String, String> historyState() {
    Map<String, String> state = new java.util.TreeMap<>(auditState());
    for (SlotEntity slot : slots) {
      state.put("slot[" + slot.historyKey() + "]", slot.historyValue());
    }
    return state;
  }
}
