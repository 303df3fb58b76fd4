package dev.restock.api.stability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * New API that may still change in a minor version; feedback welcome. Moves to Stable once it has settled.
 *
 * <p>Every public type of {@code engine-api} carries exactly one of {@link Stable},
 * {@link Experimental} or {@link Internal} (checked by the architecture tests).
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Experimental {}
