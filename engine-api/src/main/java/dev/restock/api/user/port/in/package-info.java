/**
 * The user use case hosts call, {@link dev.restock.api.user.port.in.UserManagement}.
 */
@NullMarked
package dev.restock.api.user.port.in;

import org.jspecify.annotations.NullMarked;
