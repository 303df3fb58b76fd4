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
 * Stored planograms with their slots. {@link #update} matches slots by id: changed slots are
 * updated, new ones inserted, missing ones removed; each slot keeps a history of its own. A deleted
 * planogram is read without its slots (they are deleted with it); a restore brings them back.
 */
@Stable(since = "0.1")
public interface Planograms extends Repository<Planogram> {

  /** The live, active planogram of a cabinet. */
  Optional<Planogram> findActiveByCabinet(UUID cabinetId);

  /** Live, active planograms of these cabinets with their slots, in a fixed number of reads. */
  List<Planogram> findActiveByCabinets(Collection<UUID> cabinetIds);

  /** Live planograms holding any of these live slots, with all their slots. */
  List<Planogram> findBySlotIds(Collection<UUID> slotIds);

  /**
   * Live slots (of live planograms) with these ids, in one read; unknown ids are absent. For use
   * cases that change many slots without needing their planograms.
   */
  java.util.Map<UUID, dev.restock.api.planogram.Slot> findSlots(Collection<UUID> slotIds);

  /**
   * Stores changed slots (matched by id; position and planogram stay) in one batch; each changed
   * slot gets a history revision, the planograms are left untouched.
   *
   * @throws dev.restock.api.error.NotFoundException when a slot is not live
   */
  void updateSlots(Collection<dev.restock.api.planogram.Slot> slots);

  /**
   * Live slots of live planograms that hold {@code productId}, with where they are, ordered by
   * device name, cabinet index and position.
   */
  @Experimental(since = "0.1")
  List<dev.restock.api.planogram.SlotLocation> liveSlotsHolding(UUID productId);
}
