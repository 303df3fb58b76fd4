/**
 * The service-order use case hosts call, {@link
 * dev.restock.api.serviceorder.port.in.ServiceOrders}.
 */
@NullMarked
package dev.restock.api.serviceorder.port.in;

import org.jspecify.annotations.NullMarked;
