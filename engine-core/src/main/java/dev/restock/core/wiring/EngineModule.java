package dev.restock.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.restock.api.Restock;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.core.picklist.FillToPar;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.core.picklist.AllCabinets;
import dev.restock.api.spi.AuditSink;
import dev.restock.core.audit.trust.Checkpointer;
import dev.restock.core.audit.sink.AuditSinks;
import dev.restock.core.plugin.Contributions;
import dev.restock.core.plugin.Registry;
import dev.restock.core.session.CoreEngine;
import dev.restock.core.usecase.CoreContext;
import java.time.Clock;
import java.util.Set;

/** Core bindings: built-in strategies, the registry, the store and the engine. No I/O here. */
final class EngineModule extends AbstractModule {
  private final StoreFactory storeFactory;
  private final Clock clock;
  private final int minutesPerVisit;
  private final java.util.concurrent.Executor asyncExecutor;
  private final Checkpointer.Settings checkpoints;
  private final dev.restock.core.usecase.ConflictRetry retry;
  private final Contributions contributions;
  private final StartupTimer startup;

  EngineModule(StoreFactory storeFactory, Clock clock, int minutesPerVisit,
      java.util.concurrent.Executor asyncExecutor, Checkpointer.Settings checkpoints,
      dev.restock.core.usecase.ConflictRetry retry, Contributions contributions,
      StartupTimer startup) {
    this.contributions = contributions;
    this.startup = startup;
    this.checkpoints = checkpoints;
    this.retry = retry;
    this.storeFactory = storeFactory;
    this.clock = clock;
    this.minutesPerVisit = minutesPerVisit;
    this.asyncExecutor = asyncExecutor;
  }

  @Override
  protected void configure() {
    FillToPar fillToPar = new FillToPar();
    AllCabinets allCabinets = new AllCabinets();
    contributions.add(BinderRegistrar.STRATEGY, fillToPar, fillToPar.id(),
        Contributions.BUILT_IN, true);
    contributions.add(BinderRegistrar.POLICY, allCabinets, allCabinets.id(),
        Contributions.BUILT_IN, true);
    BinderRegistrar.strategies(binder()).addBinding().toInstance(fillToPar);
    BinderRegistrar.policies(binder()).addBinding().toInstance(allCabinets);
    BinderRegistrar.sinks(binder());
    BinderRegistrar.parsers(binder());
    bind(StoreFactory.class).toInstance(storeFactory);
    bind(Clock.class).toInstance(clock);
  }

  @Provides
  @Singleton
  Registry<PickListStrategy> strategies(Set<PickListStrategy> strategies) {
    // every module has registered by now: one error names every bad or clashing id of any kind
    contributions.check();
    return new Registry<>(BinderRegistrar.STRATEGY, "strategy", strategies, PickListStrategy::id,
        contributions::describe);
  }

  @Provides
  @Singleton
  Registry<VisitPolicy> policies(Set<VisitPolicy> policies) {
    contributions.check();
    return new Registry<>(BinderRegistrar.POLICY, "visitPolicyId", policies, VisitPolicy::id,
        contributions::describe);
  }

  @Provides
  @Singleton
  Registry<ReadParser> parsers(Set<ReadParser> parsers) {
    contributions.check();
    return new Registry<>(CoreContext.PARSER_KIND, CoreContext.PARSER_FIELD, parsers, ReadParser::id,
        contributions::describe);
  }

  @Provides
  @Singleton
  AuditSinks auditSinks(Set<AuditSink> sinks) {
    contributions.check();
    return new AuditSinks(new Registry<>(BinderRegistrar.SINK, "auditSink", sinks, AuditSink::id,
        contributions::describe));
  }

  @Provides
  @Singleton
  Restock engine(StoreFactory factory, Registry<PickListStrategy> strategies,
      Registry<VisitPolicy> policies, Clock clock, AuditSinks sinks,
      Registry<ReadParser> parsers) {
    long opening = System.nanoTime();
    Store store = factory.open();
    long opened = System.nanoTime();
    startup.storeOpened(store.startupReport(), opened - opening);
    try {
      sinks.open();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    startup.sinksOpened(System.nanoTime() - opened);
    return new CoreEngine(
        new CoreContext(store, strategies, policies, clock, minutesPerVisit, sinks,
            new Checkpointer(checkpoints, store, clock), retry.fresh(), parsers),
        asyncExecutor, startup::report);
  }
}
