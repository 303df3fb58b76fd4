/**
 * History and audit: the {@link dev.restock.api.audit.Actor} a change is made as, revisions and
 * field changes, domain audit events, and the tamper-evident hash chain with its checkpoints and
 * proofs.
 */
@NullMarked
package dev.restock.api.audit;

import org.jspecify.annotations.NullMarked;
