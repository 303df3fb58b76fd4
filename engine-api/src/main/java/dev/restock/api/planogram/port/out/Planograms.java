package dev.restock.api.planogram.port.out;

import dev.restock.api.planogram.Planogram;
import dev.restock.api.shared.port.out.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored planograms with their slots. {@link #update} matches slots by id: changed slots are
 * updated, new ones inserted, missing ones removed; each slot keeps a history of its own.
 */
public interface Planograms extends Repository<Planogram> {

  /** The live, active planogram of a cabinet. */
  Optional<Planogram> findActiveByCabinet(UUID cabinetId);

  /** Live, active planograms of these cabinets with their slots, in a fixed number of reads. */
  List<Planogram> findActiveByCabinets(Collection<UUID> cabinetIds);

  /** Live planograms holding any of these live slots, with all their slots. */
  List<Planogram> findBySlotIds(Collection<UUID> slotIds);
}
