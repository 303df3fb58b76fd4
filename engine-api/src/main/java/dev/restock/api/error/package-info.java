/** The engine's single exception hierarchy, rooted at {@link dev.restock.api.error.RestockException}. */
package dev.restock.api.error;
