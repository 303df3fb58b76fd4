package dev.restock.core.usecase;

import dev.restock.core.plugin.Registry;
import dev.restock.core.audit.sink.AuditSinks;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.core.audit.trust.Checkpointer;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a use case needs besides its actor: the store's ports, registered strategies and
 * policies, a clock, and settings.
 *
 * @param auditSinks sinks contributed by plugins, fed after each commit
 * @param minutesPerVisit estimated minutes per visit of a service order (the seed's rule: 10)
 * @param checkpoints makes checkpoints of the history chain, told of every committed write
 * @param retry how use cases' units of work are run again after a concurrent change
 * @param parsers parsers of machine-read files, by format id
 */
public record CoreContext(
    Store store, Registry<PickListStrategy> strategies, Registry<VisitPolicy> policies,
    Clock clock, int minutesPerVisit, AuditSinks auditSinks, Checkpointer checkpoints,
    ConflictRetry retry, Registry<ReadParser> parsers) {
  /** The kind of contribution, and the command field an unknown format id is reported on. */
  public static final String PARSER_KIND = "read parser";
  public static final String PARSER_FIELD = "format";

  public CoreContext {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(parsers, "parsers");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(auditSinks, "auditSinks");
    Objects.requireNonNull(checkpoints, "checkpoints");
  }

  /** A context without read parsers. */
  public CoreContext(Store store, Registry<PickListStrategy> strategies,
      Registry<VisitPolicy> policies, Clock clock, int minutesPerVisit, AuditSinks auditSinks,
      Checkpointer checkpoints, ConflictRetry retry) {
    this(store, strategies, policies, clock, minutesPerVisit, auditSinks, checkpoints, retry,
        new Registry<>(PARSER_KIND, PARSER_FIELD, java.util.List.<ReadParser>of(), ReadParser::id));
  }

  /**
   * A context whose checkpoints are made only on request, unsigned and kept in the store, with the
   * default conflict retry (5 attempts, 10..200 ms).
   */
  public CoreContext(Store store, Registry<PickListStrategy> strategies,
      Registry<VisitPolicy> policies, Clock clock, int minutesPerVisit, AuditSinks auditSinks) {
    this(store, strategies, policies, clock, minutesPerVisit, auditSinks,
        new Checkpointer(Checkpointer.Settings.manual(), store, clock),
        ConflictRetry.DEFAULT.fresh());
  }

  /**
   * The time to store on a record (issue, completion, sale, event time): the clock's instant at
   * the millisecond precision every supported database keeps, so what a use case returns equals
   * what a later read returns.
   */
  public java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
