package dev.restock.plugin.tck;

import dev.restock.api.stability.Experimental;
import java.util.UUID;

/**
 * Alters what a store has recorded, behind its ports, the way someone who can write the store's
 * storage could (an SQL script, a restored file, a debugger): the hook {@link
 * HistoryTamperContract} uses to check that verification and drift checks notice. A store author
 * implements it in the store's tests, with SQL on the store's tables or through the store's
 * internals; it is never part of a store.
 *
 * <p>Each method is called outside any unit of work, on committed data, with the store open, and
 * must change what it says and nothing else: no hash, link or head is recomputed unless the
 * method says so. The kit only tampers with what it wrote itself through the ports (products, and
 * audit events written with them), so an implementation may assume those shapes.
 */
@Experimental(since = "0.2")
public interface HistoryTampering {
  /**
   * Changes the {@code name} recorded for a product by one revision, in the store's history, as
   * if the history had been edited; the live product row stays as it is.
   *
   * @param revision the number of a committed revision that recorded the product
   * @param productId the product whose recorded state is changed
   * @param name the name written over the recorded one
   */
  void changeRecordedName(long revision, UUID productId, String name);

  /**
   * Changes the details of every audit event recorded with one revision, as if the audit log had
   * been edited: afterwards they hold one detail, {@code key} = {@code value}, in whatever form
   * the store keeps details.
   *
   * @param revision the number of a committed revision that recorded audit events
   * @param key the single detail's key
   * @param value the single detail's value
   */
  void changeEventDetails(long revision, String key, String value);

  /**
   * Deletes one committed revision with every entity state and audit event it recorded, as if
   * their rows had been deleted; the chain head is left as it is.
   *
   * @param revision the number of the revision to remove
   */
  void deleteRevision(long revision);

  /**
   * Sets the chain head to a size and a hash, as if its record had been edited.
   *
   * @param size the number of chained revisions the head will claim
   * @param hash the hash the head will claim (64 lower-case hex digits)
   */
  void moveHead(long size, String hash);

  /**
   * Changes a live product's name without going through the store's ports, so that no history
   * is written, as if its row had been updated directly.
   *
   * @param productId a live product
   * @param name the new name
   */
  void changeLiveName(UUID productId, String name);
}
