/**
 * Planograms (which product goes in which slot of a cabinet, at what capacity and par level) and
 * recorded sales.
 */
@NullMarked
package dev.restock.api.planogram;

import org.jspecify.annotations.NullMarked;
