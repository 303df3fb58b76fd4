/**
 * Users of the engine and their {@link dev.restock.api.user.Role}, with the commands that create
 * and change them.
 */
@NullMarked
package dev.restock.api.user;

import org.jspecify.annotations.NullMarked;
