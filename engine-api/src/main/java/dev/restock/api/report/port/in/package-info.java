/**
 * The report use case hosts call, {@link dev.restock.api.report.port.in.Reports}.
 */
@NullMarked
package dev.restock.api.report.port.in;

import org.jspecify.annotations.NullMarked;
