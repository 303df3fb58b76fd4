/**
 * What a store provides for history ({@link dev.restock.api.audit.port.out.AuditHistory}) and the
 * audit log ({@link dev.restock.api.audit.port.out.AuditLog}), and the {@link
 * dev.restock.api.audit.port.out.AuditSink} that plugins contribute to receive audit events after
 * commit.
 */
@NullMarked
package dev.restock.api.audit.port.out;

import org.jspecify.annotations.NullMarked;
