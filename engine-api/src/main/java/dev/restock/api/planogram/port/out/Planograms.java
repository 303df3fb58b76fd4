package dev.restock.api.planogram.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored planograms with their slots, in natural order by name, then id; a planogram's slots come
 * in grid order (row, then column: {@code A2} before {@code A10}; see {@link
 * dev.restock.api.planogram.Positions}). A cabinet has at most one live, active planogram:
 * {@link #add} of a second active one throws {@link dev.restock.api.error.ConflictException},
 * while inactive ones may be added freely. The rules all store ports follow are on {@link
 * dev.restock.api.spi.Store}; what every repository does is on {@link Repository}.
 *
 * <p>{@link #update} matches slots by id: changed slots are updated (a {@code MODIFIED} revision
 * each), new ones inserted ({@code CREATED}), missing ones deleted ({@code DELETED}); each slot
 * keeps a history of its own, and the planogram's own revision carries one {@code slot[position]}
 * entry per slot (see {@link dev.restock.api.audit.EntityRevision}). A deleted planogram is read
 * without its slots (they are deleted with it); a restore brings back the slots deleted with it.
 * Checked by {@code StoreContract}.
 */
@Stable(since = "0.1")
public interface Planograms extends Repository<Planogram> {

  /**
   * The live, active planogram of a cabinet, with its slots; empty when the cabinet has none, or
   * its device was deleted.
   */
  Optional<Planogram> findActiveByCabinet(UUID cabinetId);

  /**
   * Live, active planograms of these cabinets with their slots, at most one per cabinet, in a
   * fixed number of reads (see {@link dev.restock.api.spi.Store}); cabinets without one are left
   * out. The order is unspecified.
   */
  List<Planogram> findActiveByCabinets(Collection<UUID> cabinetIds);

  /**
   * Live planograms holding any of these live slots, each once, with all their slots; unknown or
   * deleted slot ids are ignored.
   */
  List<Planogram> findBySlotIds(Collection<UUID> slotIds);

  /**
   * Live slots (of live planograms) with these ids, in one read; unknown ids, slots removed from
   * their planogram and slots of deleted planograms or devices are absent. For use cases that
   * change many slots without needing their planograms.
   */
  java.util.Map<UUID, dev.restock.api.planogram.Slot> findSlots(Collection<UUID> slotIds);

  /**
   * Stores changed slots (matched by id; position and planogram stay) in one batch; each changed
   * slot gets a {@code MODIFIED} revision, the planograms are left untouched: same version and no
   * revision of their own (both checked by the kit).
   *
   * @throws dev.restock.api.error.NotFoundException when a slot is not live (the unit of work then
   *     rolls back, so no slot of the batch changes)
   */
  void updateSlots(Collection<dev.restock.api.planogram.Slot> slots);

  /**
   * Live slots of live planograms that hold {@code productId}, with where they are, ordered by
   * device name (by code point, as {@link dev.restock.api.query.Criteria} sorts text), cabinet
   * index and position. Positions are in grid order, row then column ({@code A2} before {@code
   * A10}), as planograms list their slots; the kit checks it. Slots of deleted devices are left
   * out, and come back with the device's restore.
   */
  @Experimental(since = "0.1")
  List<dev.restock.api.planogram.SlotLocation> liveSlotsHolding(UUID productId);
}
