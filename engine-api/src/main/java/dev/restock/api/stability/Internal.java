package dev.restock.api.stability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Public for technical reasons only (for example shared between Restock's own modules): not for
 * hosts or plugins. No promise at all: it may change or go in any release, a patch release
 * included, without deprecation.
 *
 * <p>On a member of a {@link Stable} or {@link Experimental} type it marks that member alone as
 * internal.
 *
 * <p>Every public top-level type of {@code engine-api} carries exactly one of {@link Stable},
 * {@link Experimental} or {@link Internal} (checked by the architecture tests).
 */
@Stable(since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Internal {

  /**
   * The Restock version ({@code major.minor}, e.g. {@code "0.1"}) in which the element became
   * internal; it tells a reader how long the element has been exempt from any promise.
   */
  String since();
}
