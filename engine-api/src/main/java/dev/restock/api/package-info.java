/**
 * Restock engine API: what a host application sees.
 *
 * <p>Packages are organised by capability ({@code catalog}, {@code fleet}, {@code planogram},
 * {@code user}, {@code picklist}, {@code audit}), each with {@code port.in} (use cases the engine
 * offers) and {@code port.out} (what a store must provide). {@code spi} holds the extension points
 * for plugin authors, {@code error} the single exception hierarchy. This module depends on nothing
 * but the JDK.
 */
package dev.restock.api;
