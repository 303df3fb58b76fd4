/** Use cases on machine reads. */
@org.jspecify.annotations.NullMarked
package dev.restock.api.reads.port.in;
