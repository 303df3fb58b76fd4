/**
 * The store port that answers the reports, {@link dev.restock.api.report.port.out.ReportQueries}.
 */
@NullMarked
package dev.restock.api.report.port.out;

import org.jspecify.annotations.NullMarked;
