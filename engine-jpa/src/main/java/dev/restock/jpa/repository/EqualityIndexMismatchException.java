package dev.restock.jpa.repository;

import dev.restock.api.stability.Experimental;

/**
 * A row found through an encrypted field's equality index (its HMAC column) whose decrypted
 * value is not the value looked up: the index was copied or altered in the database. The
 * lookup fails naming the table and row instead of answering with the wrong row.
 */
@Experimental(since = "0.3")
public final class EqualityIndexMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A mismatch in {@code table.column} of the row {@code rowId}. */
  public EqualityIndexMismatchException(String table, String column, Object rowId) {
    super(table + "." + column + "_hmac of row " + rowId + " does not match the row's decrypted "
        + table + "." + column + ": the equality index was tampered with (copied from another "
        + "row or altered); the lookup is refused rather than answered with the wrong row");
  }
}
