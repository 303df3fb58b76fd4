package dev.restock.jpa.crypto;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.UUID;

/**
 * Opening with keys found live users sharing one email (compared as its equality index would):
 * a process without keys created one while another's email was sealed, where uniqueness goes by
 * the index it does not fill. Sealing them would break the index's uniqueness, so nothing was
 * sealed and the store did not open. Rename (or delete) all but one of them with a store opened
 * without keys, then open with keys again.
 */
@Experimental(since = "0.3")
public final class DuplicatePlainEmailException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final List<List<UUID>> duplicates;

  /** @param duplicates the ids of each group of live users sharing one email, two or more each */
  public DuplicatePlainEmailException(List<List<UUID>> duplicates) {
    super(message(duplicates));
    this.duplicates = duplicates.stream().map(List::copyOf).toList();
  }

  /** The ids of each group of live users sharing one email, two or more each. */
  public List<List<UUID>> duplicates() {
    return duplicates;
  }

  private static String message(List<List<UUID>> duplicates) {
    StringBuilder m = new StringBuilder("cannot seal the plain personal values at open: live users"
        + " share an email, written by a process without keys: ");
    for (int i = 0; i < duplicates.size(); i++) {
      m.append(i == 0 ? "" : "; ").append("users ").append(duplicates.get(i));
    }
    return m.append(". Give all but one of each group another email (or delete them) with a store"
        + " opened without keys, then open with keys again; nothing was sealed").toString();
  }
}
