/**
 * Service orders: a driver's visits to the cabinets of a route, with planned and delivered lines,
 * their statuses, and the commands that create and complete them.
 */
@NullMarked
package dev.restock.api.serviceorder;

import org.jspecify.annotations.NullMarked;
