package dev.restock.core.wiring;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettings;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.core.plugin.Contributions;
import java.util.Objects;

/**
 * The binder facade plugins see: contributions become Guice multibindings, and are recorded with
 * the plugin that made them so a clashing id can name both plugins.
 */
final class BinderRegistrar implements PluginRegistrar {
  static final String STRATEGY = "pick-list strategy";
  static final String POLICY = "visit policy";
  static final String SINK = "audit sink";

  private final Binder binder;
  private final Contributions contributions;
  private final String source;
  private final PluginSettings settings;

  /**
   * @param source the contributing plugin, e.g. {@code by plugin 'acme' (explicit plugin #1 ...)}
   */
  BinderRegistrar(Binder binder, Contributions contributions, String source,
      PluginSettings settings) {
    this.binder = binder;
    this.contributions = contributions;
    this.source = source;
    this.settings = settings;
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
    contributions.add(SINK, sink, sink.id(), source, false);
    sinks(binder).addBinding().toInstance(sink);
    return this;
  }

  @Override
  public PluginRegistrar visitPolicy(VisitPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    contributions.add(POLICY, policy, policy.id(), source, true);
    policies(binder).addBinding().toInstance(policy);
    return this;
  }

  @Override
  public PluginRegistrar pickListStrategy(PickListStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    contributions.add(STRATEGY, strategy, strategy.id(), source, true);
    strategies(binder).addBinding().toInstance(strategy);
    return this;
  }

  @Override
  public PluginSettings settings() {
    return settings;
  }
}
