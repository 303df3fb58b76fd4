/**
 * Stability markers of the public API, each with the version ({@code since}) in which the element
 * reached its level:
 *
 * <ul>
 *   <li>{@link dev.restock.api.stability.Stable}: supported; changes incompatibly only in a new
 *       major version, after at least one minor version of deprecation;
 *   <li>{@link dev.restock.api.stability.Experimental}: may change or go in a minor version, named
 *       in the release notes; becomes stable once settled;
 *   <li>{@link dev.restock.api.stability.Internal}: no promise; for Restock's own modules only.
 * </ul>
 *
 * <p>Every public top-level type of {@code engine-api} carries exactly one marker. A method,
 * constructor or field may carry its own to differ from its type's (an experimental method on a
 * stable port, say); without one it has its type's level. A stable type's signatures (parameters,
 * return and thrown types, type arguments, field types) expose only stable types, unless the
 * member is itself marked experimental or internal. The architecture tests check both rules.
 * {@code docs/api-conventions.md} sums up these conventions; {@code docs/plugin-authors.md} has
 * the versioning promises for plugins.
 */
@NullMarked
package dev.restock.api.stability;

import org.jspecify.annotations.NullMarked;
