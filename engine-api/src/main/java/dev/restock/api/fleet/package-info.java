/**
 * The fleet: locations, routes, device and cabinet types, devices with their cabinets, and the
 * commands that create and change them.
 */
@NullMarked
package dev.restock.api.fleet;

import org.jspecify.annotations.NullMarked;
