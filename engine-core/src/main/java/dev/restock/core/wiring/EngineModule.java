package dev.restock.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.restock.api.Restock;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.core.picklist.FillToPar;
import dev.restock.core.shared.StrategyRegistry;
import dev.restock.core.session.CoreEngine;
import dev.restock.core.shared.CoreContext;
import java.time.Clock;
import java.util.Set;

/** Core bindings: built-in strategies, the registry, the store and the engine. No I/O here. */
final class EngineModule extends AbstractModule {
  private final StoreFactory storeFactory;
  private final Clock clock;

  EngineModule(StoreFactory storeFactory, Clock clock) {
    this.storeFactory = storeFactory;
    this.clock = clock;
  }

  @Override
  protected void configure() {
    BinderRegistrar.strategies(binder()).addBinding().toInstance(new FillToPar());
    bind(StoreFactory.class).toInstance(storeFactory);
    bind(Clock.class).toInstance(clock);
  }

  @Provides
  @Singleton
  StrategyRegistry strategies(Set<PickListStrategy> strategies) {
    return new StrategyRegistry(strategies);
  }

  @Provides
  @Singleton
  Restock engine(StoreFactory factory, StrategyRegistry strategies, Clock clock) {
    Store store = factory.open();
    return new CoreEngine(new CoreContext(store, strategies, clock));
  }
}
