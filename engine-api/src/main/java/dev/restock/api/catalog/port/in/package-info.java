/**
 * The product use case hosts call, {@link dev.restock.api.catalog.port.in.ProductCatalog}.
 */
@NullMarked
package dev.restock.api.catalog.port.in;

import org.jspecify.annotations.NullMarked;
