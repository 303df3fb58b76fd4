package dev.restock.api.stability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Public for technical reasons only (e.g. shared between Restock modules); not for hosts or plugins, may change at any time.
 *
 * <p>Every public type of {@code engine-api} carries exactly one of {@link Stable},
 * {@link Experimental} or {@link Internal} (checked by the architecture tests).
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Internal {}
