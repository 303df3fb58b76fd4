package dev.restock.spring;

import dev.restock.core.wiring.RestockEngine;

/**
 * Adjusts the auto-configured engine before it is built, for what {@code restock.*} properties
 * do not cover (a clock, an executor for async calls, conflict retry settings, checkpoint
 * anchors). Declare beans of this type; they run in their {@code @Order}, after the properties
 * and the context's plugins were applied.
 */
@FunctionalInterface
public interface RestockEngineCustomizer {

  /** Called once, on the thread that creates the engine bean. */
  void customize(RestockEngine.Builder builder);
}
