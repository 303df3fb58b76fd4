/**
 * Extension points for plugin authors: pick-list strategies, visit policies, audit sinks, plugins
 * and whole stores. Contracts are written on each type as MUST/SHOULD.
 */
@NullMarked
package dev.restock.api.spi;

import org.jspecify.annotations.NullMarked;
