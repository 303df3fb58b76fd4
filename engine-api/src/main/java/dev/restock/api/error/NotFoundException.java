package dev.restock.api.error;

import dev.restock.api.stability.Stable;
/** The addressed entity does not exist (or is soft-deleted and the operation needs a live one). */
@Stable(since = "0.1")
public class NotFoundException extends RestockException {
  private static final long serialVersionUID = 1L;
  private final String type;
  private final String key;

  public NotFoundException(String type, Object key) {
    super(type + " not found: " + key);
    this.type = type;
    this.key = String.valueOf(key);
  }

  /** Entity type, e.g. {@code product}. */
  public String type() {
    return type;
  }

  /** The id or natural key that was looked up. */
  public String key() {
    return key;
  }
}
