/**
 * {@link dev.restock.api.validation.Checks}, which commands use to validate themselves: every
 * problem collected, then one {@link dev.restock.api.error.ValidationException} naming them all.
 */
@NullMarked
package dev.restock.api.validation;

import org.jspecify.annotations.NullMarked;
