package dev.restock.jpa.tenant;

import dev.restock.api.error.RestockException;
import dev.restock.api.stability.Experimental;

/**
 * A tenant directory could not do its work: its catalogue or a tenant's storage (file, schema,
 * database) could not be reached or made. Nothing was recorded.
 *
 * @since 0.3
 */
@Experimental(since = "0.3")
public class TenantDirectoryException extends RestockException {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public TenantDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure. */
  public TenantDirectoryException(String message) {
    super(message);
  }
}
