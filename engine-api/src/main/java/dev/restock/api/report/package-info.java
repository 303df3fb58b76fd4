/**
 * The operator's reports: device utilisation, slot stock and stock valuation.
 */
@NullMarked
package dev.restock.api.report;

import org.jspecify.annotations.NullMarked;
