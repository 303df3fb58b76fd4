/** The store port for machine reads. */
@org.jspecify.annotations.NullMarked
package dev.restock.api.reads.port.out;
