package dev.restock.jpa.crypto;

import dev.restock.api.stability.Experimental;
import java.util.List;

/**
 * Master keys that cannot be used: a key file or {@code RESTOCK_KEYS} value that is malformed,
 * or a store whose recorded key ids the provider does not hold. The message names every problem.
 */
@Experimental(since = "0.3")
public final class KeyProviderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** @param source where the keys came from (a path, an environment variable) */
  public KeyProviderException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem found, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
