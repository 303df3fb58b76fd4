package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditSink} must do inside a real engine: receive each committed event once,
 * with the revision it was committed under, and nothing of a rolled-back unit; survive and not
 * disturb a failing neighbour; keep one thread's commit order; take every event of concurrent
 * commits; and live from {@link AuditSink#open()} at engine build to {@link AuditSink#close()} at
 * engine close, with nothing after it.
 *
 * <p>Extend it with {@link #createSink()} (a new, unopened sink per test) and {@link #received()}
 * (what the sink under test received, read back from where it writes: a file's lines, a log's
 * records). The engine is {@link EngineFixture#inMemoryEngine} unless {@link #openEngine} is
 * overridden, so a plugin project needs only the {@code restock-tck-engine} test dependency.
 *
 * <p>Across threads the engine promises no order (see {@link AuditSink}); the suite checks that
 * every event arrives once, not in which order.
 */
public abstract class AuditSinkContract {
  private final List<Restock> engines = new ArrayList<>();

  /** What the sink under test shows it received for one event. */
  public record Received(long revision, String action, UUID resourceId) {}

  /** A new sink under test, not opened; the suite registers it with a new engine. */
  protected abstract AuditSink createSink();

  /**
   * What the sink created last has received so far, oldest first, read back from its output.
   * Called after the engine flushed it (after each commit) and after it was closed.
   */
  protected abstract List<Received> received();

  /** An engine with {@code plugins} registered in order; closed by the suite after each test. */
  protected Restock openEngine(EnginePlugin... plugins) {
    return EngineFixture.inMemoryEngine(plugins);
  }

  @AfterEach
  void closeEngines() {
    engines.forEach(Restock::close);
  }

  // ------------------------------------------------------------------------- fixtures

  /** Records, in order, each call the engine made to the sink it wraps, then forwards it. */
  private static final class Observed implements AuditSink {
    final AuditSink sink;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    Observed(AuditSink sink) {
      this.sink = sink;
    }

    @Override public String id() {
      return sink.id();
    }

    @Override public void open() {
      calls.add("open");
      sink.open();
    }

    @Override public void accept(AuditEvent event) {
      calls.add("accept");
      sink.accept(event);
    }

    @Override public void flush() {
      calls.add("flush");
      sink.flush();
    }

    @Override public void close() {
      calls.add("close");
      sink.close();
    }
  }

  /** A sink that fails on everything it is fed. */
  private static final class Failing implements AuditSink {
    @Override public String id() {
      return "tck-failing";
    }

    @Override public void accept(AuditEvent event) {
      throw new IllegalStateException("tck: this sink always fails");
    }

    @Override public void flush() {
      throw new IllegalStateException("tck: this sink always fails");
    }
  }

  private static EnginePlugin pluginOf(AuditSink... sinks) {
    return new EnginePlugin() {
      @Override public String id() {
        return "tck-audit-sinks";
      }

      @Override public void register(PluginRegistrar registrar) {
        for (AuditSink s : sinks) {
          registrar.auditSink(s);
        }
      }
    };
  }

  private Restock engine(AuditSink... sinks) {
    Restock engine = openEngine(pluginOf(sinks));
    engines.add(engine);
    return engine;
  }

  private static RestockSession system(Restock engine) {
    return engine.as(Actor.system());
  }

  private static CreateProduct product(String sku) {
    return new CreateProduct(sku, "Product " + sku, "Drinks", new BigDecimal("1.00"), 6);
  }

  /** The stored events, by resource id, as the store's audit log has them. */
  private static Map<UUID, AuditEvent> stored(Restock engine) {
    return system(engine).history().events(Actor.SYSTEM_ID, Instant.EPOCH).stream()
        .filter(e -> e.resourceId() != null)
        .collect(Collectors.toMap(AuditEvent::resourceId, Function.identity(), (a, b) -> b));
  }

  private List<Received> receivedFor(List<UUID> ids) {
    return received().stream().filter(r -> ids.contains(r.resourceId())).toList();
  }

  // ------------------------------------------------------------------------- delivery

  @Test
  public void aCommittedEventArrivesAfterTheCommitWithItsRevision() {
    Restock engine = engine(createSink());
    List<UUID> inside = new ArrayList<>();
    Product tea = engine.inUnitOfWork(Actor.system(), s -> {
      Product p = s.products().create(product("TEA"));
      inside.add(p.id());
      assertThat(receivedFor(inside)).as("received before the unit committed").isEmpty();
      return p;
    });

    AuditEvent stored = stored(engine).get(tea.id());
    assertThat(receivedFor(List.of(tea.id())))
        .containsExactly(new Received(stored.revision(), "product.create", tea.id()));
    assertThat(stored.revision()).isPositive();
  }

  @Test
  public void nothingArrivesOfAUnitThatRolledBack() {
    Restock engine = engine(createSink());
    List<UUID> attempted = new ArrayList<>();
    assertThatThrownBy(() -> engine.runInUnitOfWork(Actor.system(), s -> {
      attempted.add(s.products().create(product("GONE")).id());
      throw new IllegalStateException("the host gives up");
    })).hasMessage("the host gives up");
    Product kept = system(engine).products().create(product("KEPT"));
    assertThatThrownBy(() -> system(engine).products().create(product("KEPT")))
        .isInstanceOf(ConflictException.class);

    assertThat(received()).extracting(Received::resourceId)
        .doesNotContainAnyElementsOf(attempted)
        .containsOnlyOnce(kept.id());
    assertThat(received()).extracting(Received::action).containsOnly("product.create");
  }

  @Test
  public void aFailingSinkNeitherStopsTheSinkUnderTestNorTheChangeAndIsCounted() {
    AuditSink sink = createSink();
    Restock engine = engine(new Failing(), sink);
    Product a = system(engine).products().create(product("A"));
    Product b = system(engine).products().create(product("B"));

    assertThat(receivedFor(List.of(a.id(), b.id()))).extracting(Received::resourceId)
        .containsExactly(a.id(), b.id());
    assertThat(system(engine).products().get(b.id()).sku()).isEqualTo("B");
    // each event and each batch's flush failed: two of each
    assertThat(engine.auditSinkFailures()).containsEntry("tck-failing", 4L)
        .containsEntry(sink.id(), 0L);
  }

  @Test
  public void oneThreadsCommitsArriveInCommitOrder() {
    Restock engine = engine(createSink());
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(system(engine).products().create(product("P" + i)).id());
    }
    List<Received> got = receivedFor(ids);
    assertThat(got).extracting(Received::resourceId).containsExactlyElementsOf(ids);
    assertThat(got).extracting(Received::revision).isSorted().doesNotHaveDuplicates();
  }

  @Test
  public void aComposedUnitsEventsArriveTogetherUnderItsOneRevision() {
    Restock engine = engine(createSink());
    List<UUID> ids = engine.inUnitOfWork(Actor.system(), s -> List.of(
        s.products().create(product("X")).id(), s.products().create(product("Y")).id()));

    List<Received> got = receivedFor(ids);
    assertThat(got).extracting(Received::resourceId).containsExactlyElementsOf(ids);
    assertThat(got).extracting(Received::revision).containsOnly(stored(engine)
        .get(ids.get(0)).revision());
  }

  @Test
  public void concurrentCommitsAllArriveOnceWithTheirRevisions() throws Exception {
    Restock engine = engine(createSink());
    int threads = 4;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<UUID>>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          mine.add(system(engine).products().create(product("C" + thread + "-" + i)).id());
        }
        return mine;
      }));
    }
    start.countDown();
    List<UUID> ids = new ArrayList<>();
    for (Future<List<UUID>> f : done) {
      ids.addAll(f.get());
    }
    pool.shutdown();

    Map<UUID, AuditEvent> stored = stored(engine);
    List<Received> got = receivedFor(ids);
    assertThat(got).hasSize(threads * each);
    assertThat(got).extracting(Received::resourceId).containsExactlyInAnyOrderElementsOf(ids);
    for (Received r : got) {
      assertThat(r.revision()).as("revision of %s", r.resourceId())
          .isEqualTo(stored.get(r.resourceId()).revision());
    }
  }

  // ------------------------------------------------------------------------- lifecycle

  @Test
  public void theSinkIsOpenedFirstFlushedPerCommitAndClosedLastWithNothingAfter() {
    Observed sink = new Observed(createSink());
    Restock engine = openEngine(pluginOf(sink));
    assertThat(sink.calls).containsExactly("open");
    Product p = system(engine).products().create(product("LIFE"));
    assertThat(sink.calls).containsExactly("open", "accept", "flush");
    engine.close();
    assertThat(sink.calls).containsExactly("open", "accept", "flush", "close");
    assertThatThrownBy(() -> system(engine).products().create(product("LATE")))
        .isInstanceOf(IllegalStateException.class);
    engine.close(); // a second close is a no-op

    assertThat(sink.calls).containsExactly("open", "accept", "flush", "close");
    assertThat(received()).extracting(Received::resourceId).containsExactly(p.id());
  }

  @Test
  public void aSinkThatCannotOpenFailsTheBuildAndTheSinkOpenedBeforeIsClosed() {
    Observed sink = new Observed(createSink());
    AuditSink broken = new AuditSink() {
      @Override public String id() {
        return "tck-cannot-open";
      }

      @Override public void open() {
        throw new IllegalStateException("tck: no such file");
      }

      @Override public void accept(AuditEvent event) {}
    };
    assertThatThrownBy(() -> engines.add(openEngine(pluginOf(sink, broken))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tck-cannot-open").hasMessageContaining("no such file");
    assertThat(sink.calls).containsExactly("open", "close");
  }
}
