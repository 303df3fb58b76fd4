/**
 * The planogram and sales use cases hosts call.
 */
@NullMarked
package dev.restock.api.planogram.port.in;

import org.jspecify.annotations.NullMarked;
