package dev.restock.core.wiring;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.VisitPolicy;
import java.util.Objects;

/** The binder facade plugins see: contributions become Guice multibindings. */
final class BinderRegistrar implements PluginRegistrar {
  private final Binder binder;

  BinderRegistrar(Binder binder) {
    this.binder = binder;
  }

  static Multibinder<PickListStrategy> strategies(Binder binder) {
    return Multibinder.newSetBinder(binder, PickListStrategy.class);
  }

  static Multibinder<VisitPolicy> policies(Binder binder) {
    return Multibinder.newSetBinder(binder, VisitPolicy.class);
  }

  static Multibinder<AuditSink> sinks(Binder binder) {
    return Multibinder.newSetBinder(binder, AuditSink.class);
  }

  @Override
  public PluginRegistrar auditSink(AuditSink sink) {
    Objects.requireNonNull(sink, "sink");
    sinks(binder).addBinding().toInstance(sink);
    return this;
  }

  @Override
  public PluginRegistrar visitPolicy(VisitPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    policies(binder).addBinding().toInstance(policy);
    return this;
  }

  @Override
  public PluginRegistrar pickListStrategy(PickListStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    strategies(binder).addBinding().toInstance(strategy);
    return this;
  }
}
