/**
 * The store port for users, {@link dev.restock.api.user.port.out.Users}.
 */
@NullMarked
package dev.restock.api.user.port.out;

import org.jspecify.annotations.NullMarked;
