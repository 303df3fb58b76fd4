package dev.restock.core.wiring;

import static dev.restock.core.wiring.RestockEngineBuilderTest.plugin;
import static dev.restock.core.wiring.RestockEngineBuilderTest.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.VisitPolicy;
import org.junit.jupiter.api.Test;

/** Which plugin instance is installed, and errors that name where each clashing one came from. */
class PluginIdentityTest {
  private final FakeStore store = new FakeStore();

  /** A named class, so two instances of it are two instances of one class. */
  static final class Acme implements EnginePlugin {
    private final String strategyId;

    Acme(String strategyId) {
      this.strategyId = strategyId;
    }

    @Override public String id() { return "acme"; }

    @Override public void register(PluginRegistrar registrar) {
      registrar.pickListStrategy(strategy(strategyId));
    }
  }

  static VisitPolicy policy(String id) {
    return new VisitPolicy() {
      @Override public String id() { return id; }
      @Override public boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
        return true;
      }
    };
  }

  static EnginePlugin policies(String pluginId, VisitPolicy... policies) {
    return new EnginePlugin() {
      @Override public String id() { return pluginId; }
      @Override public void register(PluginRegistrar registrar) {
        for (VisitPolicy p : policies) {
          registrar.visitPolicy(p);
        }
      }
    };
  }

  @Test
  void twoInstancesOfOnePluginClassAreToldApartByTheirPlaceInTheBuilder() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(new Acme("one"), new Acme("two")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two plugins have the id 'acme'")
        .hasMessageContaining("explicit plugin #1 (" + Acme.class.getName() + ")")
        .hasMessageContaining("explicit plugin #2 (" + Acme.class.getName() + ")");
    assertThat(store.opened).isZero();
  }

  @Test
  void aDiscoveredPluginSharingAnExplicitPluginsIdNamesWhereEachCameFrom() {
    String location = DiscoveredPlugin.class.getProtectionDomain().getCodeSource().getLocation()
        .toString();
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin("discovered")).discoverPlugins().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two plugins have the id 'discovered'")
        .hasMessageContaining("explicit plugin #1 (")
        .hasMessageContaining("discovered via ServiceLoader (" + DiscoveredPlugin.class.getName()
            + " from " + location + ")");
  }

  @Test
  void aPluginBothExplicitAndDiscoveredIsInstalledOnceAsTheExplicitInstance() {
    try (Restock engine = RestockEngine.builder().store(store::open)
        .plugin(new DiscoveredPlugin("explicit-fill")).discoverPlugins().build()) {
      assertThat(engine.pickListStrategies()).contains("explicit-fill")
          .doesNotContain(DiscoveredPlugin.STRATEGY_ID);
    }
  }

  @Test
  void aStrategyIdUsedByTwoPluginsNamesBothPlugins() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin("first", strategy("same")), plugin("second", strategy("same"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the pick-list strategy id 'same' is registered twice")
        .hasMessageContaining("by plugin 'first' (explicit plugin #1")
        .hasMessageContaining("by plugin 'second' (explicit plugin #2");
    assertThat(store.opened).isZero();
  }

  @Test
  void aStrategyReusingABuiltInIdNamesTheEngineAndThePlugin() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin("acme", strategy("fill-to-par"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the pick-list strategy id 'fill-to-par' is registered twice")
        .hasMessageContaining("built into the engine")
        .hasMessageContaining("by plugin 'acme' (explicit plugin #1");
  }

  @Test
  void aPolicyIdUsedTwiceByOnePluginNamesThatPluginTwice() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(policies("acme", policy("busy"), policy("busy"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the visit policy id 'busy' is registered twice")
        .hasMessageContaining("by plugin 'acme'");
    assertThat(store.opened).isZero();
  }

  /** A policy with value equality: two equal instances are one element of a Guice set. */
  record Busy(String id) implements VisitPolicy {
    @Override public boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
      return true;
    }
  }

  @Test
  void twoEqualPoliciesFromTwoPluginsAreReportedAsAClashingIdNamingBothPlugins() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(policies("first", new Busy("busy")), policies("second", new Busy("busy")))
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the visit policy id 'busy' is registered twice")
        .hasMessageContaining("by plugin 'first'").hasMessageContaining("by plugin 'second'");
    assertThat(store.opened).isZero();
  }

  @Test
  void aPluginIdOutsideTheFormatIsRefusedNamingTheIdAndTheClass() {
    EnginePlugin bad = plugin("Acme_Tools");
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open).plugin(bad).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plugin id 'Acme_Tools'")
        .hasMessageContaining(bad.getClass().getName())
        .hasMessageContaining("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(store.opened).isZero();
  }

  @Test
  void strategyAndPolicyIdsOutsideTheFormatAreAllRefusedNamingIdClassAndPlugin() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin("acme", strategy("Fill Up")), policies("other", policy("-busy"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pick-list strategy id 'Fill Up'")
        .hasMessageContaining("visit policy id '-busy'")
        .hasMessageContaining("plugin 'acme'")
        .hasMessageContaining("plugin 'other'");
    assertThat(store.opened).isZero();
  }
}
