/**
 * The history use case hosts call, {@link dev.restock.api.audit.port.in.HistoryQueries}: an
 * entity's revisions, state at a time, changes by an actor, audit events, chain verification.
 */
@NullMarked
package dev.restock.api.audit.port.in;

import org.jspecify.annotations.NullMarked;
