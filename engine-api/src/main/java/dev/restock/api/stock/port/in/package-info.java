/**
 * The stock use case hosts call, {@link dev.restock.api.stock.port.in.StockManagement}.
 */
@NullMarked
package dev.restock.api.stock.port.in;

import org.jspecify.annotations.NullMarked;
