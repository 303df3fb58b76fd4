/**
 * The store ports for service orders and their gapless numbers.
 */
@NullMarked
package dev.restock.api.serviceorder.port.out;

import org.jspecify.annotations.NullMarked;
