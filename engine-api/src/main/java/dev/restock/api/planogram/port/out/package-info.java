/**
 * The store ports for planograms and the append-only sales ledger.
 */
@NullMarked
package dev.restock.api.planogram.port.out;

import org.jspecify.annotations.NullMarked;
