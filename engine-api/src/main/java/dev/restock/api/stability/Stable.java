package dev.restock.api.stability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Part of the supported API. A stable element changes incompatibly only in a new major version,
 * and only after it has been deprecated for at least one minor version. Hosts and plugin authors
 * may rely on it.
 *
 * <p>The promise covers the element's signature: a stable type's public and protected methods,
 * constructors and fields expose only stable types (parameters, return types, thrown types, type
 * arguments and bounds, field types), unless the member itself is marked {@link Experimental} or
 * {@link Internal}; the architecture tests check this. A member without a marker of its own has
 * its type's level.
 *
 * <p>Every public top-level type of {@code engine-api} carries exactly one of {@link Stable},
 * {@link Experimental} or {@link Internal} (checked by the architecture tests); a method,
 * constructor or field may carry one to differ from its type.
 */
@Stable(since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Stable {

  /**
   * The Restock version ({@code major.minor}, e.g. {@code "0.1"}) in which the element became
   * stable: since then it has kept this promise. Not the version in which it first appeared, if
   * it was experimental before.
   */
  String since();
}
