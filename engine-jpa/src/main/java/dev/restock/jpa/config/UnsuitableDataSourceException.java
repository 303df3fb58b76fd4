package dev.restock.jpa.config;

import java.util.List;

/**
 * The host's {@code DataSource} cannot carry the store as promised, so the store refused to open
 * on it before anything was written: on SQLite a connection lacks one of the engine's settings,
 * on PostgreSQL the connections are on another schema than the configured one. The message, and
 * {@link #problems()}, name every setting that is wrong and how to set it on the host's pool.
 */
public final class UnsuitableDataSourceException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public UnsuitableDataSourceException(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** Each problem found, one per setting, with what to set. */
  public List<String> problems() {
    return problems;
  }
}
