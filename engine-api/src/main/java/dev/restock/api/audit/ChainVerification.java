package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of walking the hash chain of history revisions (see {@link
 * dev.restock.api.audit.port.out.AuditHistory#verifyChain()}). Problems are sentences for people;
 * the kit checks only that they name what they are about (the chain position, or the checkpoint's
 * size as {@code checkpoint at size N}).
 *
 * @param checked revisions whose hash was recomputed
 * @param unchained revisions written before the chain existed (at or below the genesis'
 *     {@link ChainHead#genesisAfterRevision()}), not checked; an unchained revision after the
 *     genesis is a break, never counted here
 * @param firstBroken the revision the first problem is about: the first in chain order whose data,
 *     audited rows or audit events no longer match its hash or whose predecessor is missing, or
 *     the revision an unchained, orphan or head problem names; 0 when the problem concerns no
 *     revision that exists (all history gone). Empty when the chain is intact
 * @param problem the first of {@code problems}, empty when intact
 * @param problems every break found, first one first; verification does not stop at the first,
 *     so an auditor sees the whole damage. Stores may cap a very long list, ending it with a line
 *     that says how many more there were
 */
@Experimental(since = "0.1")
public record ChainVerification(long checked, long unchained, Optional<Long> firstBroken,
    Optional<String> problem, List<String> problems) {

  public ChainVerification {
    Objects.requireNonNull(firstBroken, "firstBroken");
    Objects.requireNonNull(problem, "problem");
    problems = List.copyOf(problems);
    if (problem.isPresent() && problems.isEmpty()) {
      problems = List.of(problem.get());
    }
    if (problem.isEmpty() && !problems.isEmpty()) {
      problem = Optional.of(problems.get(0));
    }
    if (firstBroken.isEmpty() && problem.isPresent()) {
      firstBroken = Optional.of(0L);
    }
  }

  /** A result with at most one problem (the first break only). */
  public ChainVerification(long checked, long unchained, Optional<Long> firstBroken,
      Optional<String> problem) {
    this(checked, unchained, firstBroken, problem, List.of());
  }

  /** No break found. */
  public boolean intact() {
    return firstBroken.isEmpty() && problems.isEmpty();
  }
}
