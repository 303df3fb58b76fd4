/**
 * Restock engine API: what a host application and a plugin author see.
 *
 * <h2>Where to start</h2>
 *
 * <ol>
 *   <li>Build an engine with the builder in {@code engine-core},
 *       {@code dev.restock.core.wiring.RestockEngine.builder()}: give it a store (for example
 *       {@code JpaStores.sqlite(path)} from {@code engine-jpa}, or {@code MemoryStore.factory()})
 *       and any plugins. The result is a {@link dev.restock.api.Restock}: thread-safe, closed once
 *       by the host.
 *   <li>Call {@link dev.restock.api.Restock#as(dev.restock.api.audit.Actor)} with the
 *       {@link dev.restock.api.audit.Actor} a change is made as (recorded in history).
 *   <li>The {@link dev.restock.api.RestockSession} it returns holds every use case:
 *       {@code products()}, {@code devices()}, {@code serviceOrders()}, {@code history()} and so
 *       on, each an interface of a capability's {@code port.in} package.
 * </ol>
 *
 * <pre>{@code
 * try (Restock engine = RestockEngine.builder()
 *     .store(JpaStores.sqlite(Path.of("restock.db")))
 *     .build()) {
 *   RestockSession ops = engine.as(Actor.user(adminId).withReason("weekly planning"));
 *   Product cola = ops.products().create(
 *       new CreateProduct("COLA-33", "Cola 33cl", "Drinks", new BigDecimal("1.50"), 24));
 * }
 * }</pre>
 *
 * <h2>Layout</h2>
 *
 * <p>Packages are organised by capability ({@code catalog}, {@code fleet}, {@code planogram},
 * {@code stock}, {@code serviceorder}, {@code picklist}, {@code user}, {@code audit},
 * {@code report}), each with {@code port.in} (use cases the engine offers) and {@code port.out}
 * (what a store must provide). {@code aggregate} and {@code query} hold what every capability
 * shares, {@code spi} the extension points for plugin authors, {@code error} the single exception
 * hierarchy, {@code tx} the unit-of-work port.
 *
 * <h2>Conventions</h2>
 *
 * <p>Every package is {@code @NullMarked} (JSpecify): a type is non-null unless marked
 * {@code @Nullable}. Every public type carries one stability marker of
 * {@link dev.restock.api.stability} with the version it reached that level in. This module
 * depends on the JDK and the annotation-only JSpecify jar, nothing else. See
 * {@code docs/api-conventions.md}.
 */
@NullMarked
package dev.restock.api;

import org.jspecify.annotations.NullMarked;
