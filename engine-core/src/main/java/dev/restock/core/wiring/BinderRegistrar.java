package dev.restock.core.wiring;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettings;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.core.plugin.Contributions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The registrar plugins see. A plugin registers before the injector is created, so that what it
 * throws (a refused setting, say) reaches the host as it is, and not through Guice, which logs
 * exceptions thrown while modules configure with their stack trace. What it contributed is
 * recorded with the plugin that made it, so a clashing id can name both plugins, and becomes
 * Guice multibindings when {@link #bind} runs in the plugin's module.
 */
final class BinderRegistrar implements PluginRegistrar {
  static final String STRATEGY = "pick-list strategy";
  static final String POLICY = "visit policy";
  static final String SINK = "audit sink";
  static final String PARSER = "read parser";

  private final List<PickListStrategy> strategies = new ArrayList<>();
  private final List<VisitPolicy> policies = new ArrayList<>();
  private final List<AuditSink> sinks = new ArrayList<>();
  private final List<dev.restock.api.spi.ReadParser> parsers = new ArrayList<>();
  private final Contributions contributions;
  private final String source;
  private final PluginSettings settings;

  /**
   * @param source the contributing plugin, e.g. {@code by plugin 'acme' (explicit plugin #1 ...)}
   */
  BinderRegistrar(Contributions contributions, String source, PluginSettings settings) {
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

  static Multibinder<dev.restock.api.spi.ReadParser> parsers(Binder binder) {
    return Multibinder.newSetBinder(binder, dev.restock.api.spi.ReadParser.class);
  }

  @Override
  public PluginRegistrar readParser(dev.restock.api.spi.ReadParser parser) {
    Objects.requireNonNull(parser, "parser");
    contributions.add(PARSER, parser, parser.id(), source, true);
    parsers.add(parser);
    return this;
  }

  @Override
  public PluginRegistrar auditSink(AuditSink sink) {
    Objects.requireNonNull(sink, "sink");
    contributions.add(SINK, sink, sink.id(), source, false);
    sinks.add(sink);
    return this;
  }

  @Override
  public PluginRegistrar visitPolicy(VisitPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    contributions.add(POLICY, policy, policy.id(), source, true);
    policies.add(policy);
    return this;
  }

  @Override
  public PluginRegistrar pickListStrategy(PickListStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    contributions.add(STRATEGY, strategy, strategy.id(), source, true);
    strategies.add(strategy);
    return this;
  }

  /** Adds what the plugin contributed to the engine's multibindings. */
  void bind(Binder binder) {
    strategies.forEach(s -> strategies(binder).addBinding().toInstance(s));
    policies.forEach(p -> policies(binder).addBinding().toInstance(p));
    sinks.forEach(s -> sinks(binder).addBinding().toInstance(s));
    parsers.forEach(p -> parsers(binder).addBinding().toInstance(p));
  }

  @Override
  public PluginSettings settings() {
    return settings;
  }
}
