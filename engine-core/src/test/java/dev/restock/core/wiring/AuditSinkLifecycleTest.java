package dev.restock.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audit sinks live as long as the engine: opened after its store, closed before it. */
class AuditSinkLifecycleTest {
  private final FakeStore store = new FakeStore();
  private final List<String> calls = new ArrayList<>();

  private AuditSink sink(String id, boolean opens) {
    return new AuditSink() {
      @Override public String id() {
        return id;
      }

      @Override public void open() {
        calls.add(id + ":open (store opened " + store.opened + ")");
        if (!opens) {
          throw new IllegalStateException("disk not mounted");
        }
      }

      @Override public void accept(AuditEvent event) {}

      @Override public void close() {
        calls.add(id + ":close (store closed " + store.closed + ")");
      }
    };
  }

  private static EnginePlugin plugin(AuditSink... sinks) {
    return new EnginePlugin() {
      @Override public String id() {
        return "sinks";
      }

      @Override public void register(PluginRegistrar registrar) {
        for (AuditSink s : sinks) {
          registrar.auditSink(s);
        }
      }
    };
  }

  @Test
  void sinksOpenAfterTheStoreAndCloseBeforeIt() {
    Restock engine = RestockEngine.builder().store(store::open)
        .plugin(plugin(sink("a", true), sink("b", true))).build();
    engine.close();
    assertThat(calls).containsExactly("a:open (store opened 1)", "b:open (store opened 1)",
        "b:close (store closed 0)", "a:close (store closed 0)");
    assertThat(store.closed).isEqualTo(1);
  }

  @Test
  void aSinkThatCannotOpenFailsTheBuildClosingTheSinksBeforeItAndTheStore() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(plugin(sink("a", true), sink("b", false))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit sink 'b'").hasMessageContaining("disk not mounted");
    assertThat(calls).containsExactly("a:open (store opened 1)", "b:open (store opened 1)",
        "a:close (store closed 0)");
    assertThat(store.closed).isEqualTo(1);
  }
}
