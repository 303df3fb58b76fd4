/**
 * What a store provides for history ({@link dev.restock.api.audit.port.out.AuditHistory}) and the
 * audit log ({@link dev.restock.api.audit.port.out.AuditLog}). Plugins that receive audit events
 * after commit implement {@link dev.restock.api.spi.AuditSink} instead.
 */
@NullMarked
package dev.restock.api.audit.port.out;

import org.jspecify.annotations.NullMarked;
