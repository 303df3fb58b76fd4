package dev.restock.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.SlotSnapshot;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestockEngineBuilderTest {
  private final FakeStore store = new FakeStore();

  static PickListStrategy strategy(String id) {
    return new PickListStrategy() {
      @Override public String id() { return id; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return 0; }
    };
  }

  static EnginePlugin plugin(String id, PickListStrategy... strategies) {
    return new EnginePlugin() {
      @Override public String id() { return id; }
      @Override public void register(PluginRegistrar registrar) {
        for (PickListStrategy s : strategies) {
          registrar.pickListStrategy(s);
        }
      }
    };
  }

  @Test
  void anEngineWithoutAStoreFailsWithAnInstruction() {
    assertThatThrownBy(() -> RestockEngine.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no store configured");
  }

  @Test
  void explicitlyRegisteredStrategiesJoinTheBuiltInOne() {
    try (Restock engine = RestockEngine.builder().store(store::open)
        .plugin(plugin("acme", strategy("acme-fill"))).build()) {
      assertThat(engine.pickListStrategies()).containsExactly("acme-fill", "fill-to-par");
      assertThat(engine.storeDescription()).isEqualTo("fake");
    }
    assertThat(store.closed).isEqualTo(1);
  }

  @Test
  void twoPluginsWithOneIdFailStartUpBeforeTheStoreOpens() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin("acme"), plugin("acme")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two plugins have the id 'acme'");
    assertThat(store.opened).isZero();
  }

  @Test
  void aPluginStrategyReusingABuiltInIdFailsStartUp() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin("acme", strategy("fill-to-par"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the pick-list strategy id 'fill-to-par' is registered twice");
    assertThat(store.opened).isZero();
  }

  @Test
  void discoveryFindsPluginsListedForTheServiceLoader() {
    try (Restock engine = RestockEngine.builder().store(store::open).discoverPlugins().build()) {
      assertThat(engine.pickListStrategies()).contains(DiscoveredPlugin.STRATEGY_ID);
    }
  }

  @Test
  void withoutDiscoveryOnlyExplicitPluginsAreRegistered() {
    try (Restock engine = RestockEngine.builder().store(store::open).build()) {
      assertThat(engine.pickListStrategies()).containsExactly("fill-to-par");
    }
  }

  @Test
  void anUnknownStrategyIdIsRefusedWithTheKnownIds() {
    try (Restock engine = RestockEngine.builder().store(store::open).build()) {
      assertThatThrownBy(() -> engine.as(Actor.system()).pickLists()
          .preview(UUID.randomUUID(), "fill-to-moon"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("unknown pick-list strategy 'fill-to-moon'; known: fill-to-par");
    }
  }

  @Test
  void aClosedEngineRefusesNewSessionsAndClosesItsStoreOnce() {
    Restock engine = RestockEngine.builder().store(store::open).build();
    engine.close();
    engine.close();
    assertThat(store.closed).isEqualTo(1);
    assertThatThrownBy(() -> engine.as(Actor.system())).isInstanceOf(IllegalStateException.class);
  }
}
