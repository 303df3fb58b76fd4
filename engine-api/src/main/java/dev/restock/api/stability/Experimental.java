package dev.restock.api.stability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * New API that may still change incompatibly, or go, in a minor version; such a change is named
 * in the release notes. Feedback welcome: an experimental element becomes {@link Stable} once it
 * has settled, and its {@code since} then names that version.
 *
 * <p>On a member of a {@link Stable} type it marks that member alone as experimental; it is the
 * only way a stable type's signature may expose an experimental type.
 *
 * <p>Every public top-level type of {@code engine-api} carries exactly one of {@link Stable},
 * {@link Experimental} or {@link Internal} (checked by the architecture tests).
 */
@Stable(since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {

  /** The Restock version ({@code major.minor}, e.g. {@code "0.1"}) in which the element appeared. */
  String since();
}
