/**
 * The fleet use cases hosts call: locations, routes, device types, cabinet types and devices.
 */
@NullMarked
package dev.restock.api.fleet.port.in;

import org.jspecify.annotations.NullMarked;
