package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.ops.StartupReport;
import dev.restock.api.stability.Experimental;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an engine tells a host about its own start ({@link Restock#startupReport()}): the phases
 * the store reports, in the order they ran, then the engine's own ({@code store open, other},
 * {@code audit sinks open}, {@code plugins}, {@code guice injector}); each once, none negative;
 * the same report on every call, also after the engine is closed. Durations are never compared
 * with a time limit: the suite checks which phases ran, not how fast. Extend it with
 * {@link #openEngine} and, for a store that reports phases of its own, {@link #storePhases}.
 */
@Experimental(since = "0.2")
public abstract class StartupReportContract {
  /** The phases the engine adds after the store's, in this order. */
  public static final List<String> ENGINE_PHASES =
      List.of("store open, other", "audit sinks open", "plugins", "guice injector");

  private Restock engine;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /**
   * The phases the store reports when it opens a new, empty database, in order; none by
   * default, for a store that does not measure its opening.
   */
  protected List<String> storePhases() {
    return List.of();
  }

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @BeforeEach
  void startEngine() {
    engine = openEngine();
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  @Test
  public void theReportListsTheStoresPhasesThenTheEnginesOwnEachOnce() {
    StartupReport report = engine.startupReport();
    List<String> expected = new ArrayList<>(storePhases());
    expected.addAll(ENGINE_PHASES);
    assertThat(report.phases()).extracting(StartupReport.Phase::name)
        .containsExactlyElementsOf(expected);
    assertThat(report.phases()).allSatisfy(p ->
        assertThat(p.duration()).isGreaterThanOrEqualTo(Duration.ZERO));
    assertThat(report.total()).isEqualTo(report.phases().stream()
        .map(StartupReport.Phase::duration).reduce(Duration.ZERO, Duration::plus));
  }

  @Test
  public void theReportStaysTheSameAfterUseAndAfterClose() {
    StartupReport first = engine.startupReport();
    engine.storeDescription();
    assertThat(engine.startupReport()).isEqualTo(first);
    engine.close();
    assertThat(engine.startupReport()).isEqualTo(first);
  }
}
