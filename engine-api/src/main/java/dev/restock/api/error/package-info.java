/** The engine's single exception hierarchy, rooted at {@link dev.restock.api.error.RestockException}. */
@NullMarked
package dev.restock.api.error;

import org.jspecify.annotations.NullMarked;
