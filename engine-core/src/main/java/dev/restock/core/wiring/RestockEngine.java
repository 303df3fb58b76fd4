package dev.restock.core.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import dev.restock.api.Restock;
import dev.restock.api.error.RestockException;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.spi.AnchorSink;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.StoreFactory;
import dev.restock.core.audit.trust.Checkpointer;
import dev.restock.core.plugin.Contributions;
import dev.restock.core.plugin.Settings;
import dev.restock.core.usecase.ConflictRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Builds a {@link Restock} engine: pick a store, optionally add plugins, build.
 *
 * <pre>{@code
 * try (Restock engine = RestockEngine.builder()
 *     .store(JpaStores.sqlite(Path.of("restock.db")))
 *     .plugin(new MyStrategies())
 *     .build()) {
 *   RestockSession admin = engine.as(Actor.user(adminId).withReason("initial load"));
 *   admin.products().create(new CreateProduct("COLA-33", "Cola 33cl", "Drinks", price, 24));
 * }
 * }</pre>
 *
 * <p>Plugins registered explicitly come first; {@link Builder#discoverPlugins()} adds those found
 * by {@link ServiceLoader}. A discovered plugin of the same class as an explicit one is dropped:
 * the explicit instance, with the host's settings, wins. A plugin, strategy, policy or sink id
 * used twice, or a plugin, strategy or policy id outside {@code [a-z0-9]+(-[a-z0-9]+)*}, fails
 * {@link Builder#build()} with one error naming every such id, each contribution's class and the
 * plugin (explicit plugin #n, or discovered, and from where) that made it.
 *
 * <p>Plugins read settings through {@code registrar.settings()}: properties given here with
 * {@link Builder#pluginProperty} (named {@code <plugin-id>.<key>}) win over environment
 * variables ({@code RESTOCK_<PLUGIN_ID>__<KEY>}); see {@code docs/plugins/configuration.md}.
 */
public final class RestockEngine {
  private RestockEngine() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the engine's parts; not thread-safe, build once. */
  public static final class Builder {
    private StoreFactory store;
    private final List<EnginePlugin> plugins = new ArrayList<>();
    private boolean discover;
    private ClassLoader discoveryLoader;
    private Clock clock = Clock.systemUTC();
    private int minutesPerVisit = 10;
    private java.util.concurrent.Executor asyncExecutor;
    private CheckpointSigner checkpointSigner;
    private final List<AnchorSink> anchorSinks = new ArrayList<>();
    private Integer checkpointRevisions;
    private Duration checkpointPeriod;
    private ConflictRetry conflictRetry = ConflictRetry.DEFAULT;
    private boolean checkpointOnClose;
    private final List<Checkpoint> checkpointAnchors = new ArrayList<>();
    private final Map<String, String> pluginProperties = new LinkedHashMap<>();
    private Map<String, String> environment;
    private dev.restock.api.spi.TenantDirectory tenants;
    private String providerTenant;

    private Builder() {}

    /**
     * Serves tenants instead of one store: {@link #build()} then answers a multi-tenant engine,
     * whose {@code tenant(id)} is each tenant's own engine on the store {@code directory} opens
     * for it (built lazily once, with this builder's plugins, clock and settings) and whose
     * {@code tenants()} adds, retires and moves tenants. Calls on the multi-tenant engine itself
     * ({@code as}, {@code inUnitOfWork}, {@code seed}, ...) are refused: a call names its tenant.
     * The engine owns {@code directory} and closes it when it is closed. Excludes
     * {@link #store}.
     *
     * @since 0.3
     */
    @dev.restock.api.stability.Experimental(since = "0.3")
    public Builder tenants(dev.restock.api.spi.TenantDirectory directory) {
      this.tenants = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The service company's own tenant: its active administrators may administer tenants (add,
     * retire, move, the fleet summary, the event log) besides the system actor. Without it only
     * the system actor may. Needs {@link #tenants}.
     *
     * @throws IllegalArgumentException when {@code id} does not follow
     *     {@link dev.restock.api.tenant.Tenant#ID_RULE}
     * @since 0.3
     */
    @dev.restock.api.stability.Experimental(since = "0.3")
    public Builder providerTenant(String id) {
      Objects.requireNonNull(id, "id");
      if (!dev.restock.api.tenant.Tenant.isValidId(id)) {
        throw new IllegalArgumentException("provider tenant id '" + id + "' is malformed: "
            + dev.restock.api.tenant.Tenant.ID_RULE);
      }
      this.providerTenant = id;
      return this;
    }

    /**
     * Sets one plugin setting, named {@code <plugin-id>.<key>}, e.g. {@code
     * pluginProperty("my-plugin.threshold", "3")}; the plugin reads it as key {@code threshold}
     * through {@code registrar.settings()}. Wins over the environment. A property whose plugin id
     * is not registered fails {@link #build()}.
     *
     * @throws IllegalArgumentException when the name is not a plugin id, a dot and a key of
     *     lower-case words joined by '-' or '.'
     */
    public Builder pluginProperty(String name, String value) {
      Settings.checkPropertyName(name);
      pluginProperties.put(name, Objects.requireNonNull(value, () -> "value of " + name));
      return this;
    }

    /**
     * Sets plugin settings as {@link #pluginProperty} does, e.g. from a host's own configuration
     * file.
     *
     * @throws IllegalArgumentException naming every bad name (nothing is set then)
     */
    public Builder pluginProperties(Map<String, String> properties) {
      List<String> problems = new ArrayList<>();
      properties.forEach((name, value) -> {
        try {
          Settings.checkPropertyName(name);
          Objects.requireNonNull(value, () -> "value of " + name);
        } catch (IllegalArgumentException | NullPointerException e) {
          problems.add(e.getMessage());
        }
      });
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      pluginProperties.putAll(properties);
      return this;
    }

    /**
     * The environment plugin settings fall back to (default: {@link System#getenv()}); tests pass
     * a map, and {@code Map.of()} turns the environment off.
     */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /**
     * Signs history checkpoints with this signer, e.g.
     * {@code KeyFileSigner.load(Path.of("/etc/restock/audit.key"))}. Its private key stays with
     * it; the store receives signatures only. Turns automatic checkpoints on.
     */
    public Builder checkpointSigner(CheckpointSigner signer) {
      this.checkpointSigner = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /**
     * Publishes every checkpoint to these sinks too, e.g. a {@code JsonLinesAnchorSink} on
     * another volume. Turns automatic checkpoints on.
     */
    public Builder anchorSink(AnchorSink... sinks) {
      for (AnchorSink s : sinks) {
        anchorSinks.add(Objects.requireNonNull(s, "sink"));
      }
      return this;
    }

    /**
     * Makes a checkpoint after every {@code revisions} committed writes, or after {@code period}
     * when anything new was chained, whichever comes first; on a background thread, so writers
     * only count. Default when a signer or sink is set: every 1,000 writes or 10 minutes.
     * {@code 0} and {@code null} turn either trigger off.
     */
    public Builder checkpointEvery(int revisions, Duration period) {
      if (revisions < 0) {
        throw new IllegalArgumentException("revisions must be >= 0, was " + revisions);
      }
      if (period != null && (period.isNegative() || period.isZero())) {
        throw new IllegalArgumentException("the period must be positive, was " + period);
      }
      this.checkpointRevisions = revisions;
      this.checkpointPeriod = period;
      return this;
    }

    /**
     * Also makes a checkpoint when the engine closes, if anything was chained since the last one:
     * for short-lived hosts (a command-line tool) that never reach a count or a period.
     */
    public Builder checkpointOnClose(boolean onClose) {
      this.checkpointOnClose = onClose;
      return this;
    }

    /**
     * Checkpoints kept outside the database (e.g. read from the anchor file at start): no
     * checkpoint is ever signed over a chain that no longer matches them, even if the stored
     * checkpoints were deleted along with the revisions.
     */
    public Builder checkpointAnchors(java.util.Collection<Checkpoint> anchors) {
      anchors.forEach(a -> checkpointAnchors.add(Objects.requireNonNull(a, "anchor")));
      return this;
    }

    /** The store to open (required), e.g. {@code JpaStores.sqlite(path)}. */
    public Builder store(StoreFactory factory) {
      this.store = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** Registers plugins explicitly. */
    public Builder plugin(EnginePlugin... more) {
      for (EnginePlugin p : more) {
        plugins.add(Objects.requireNonNull(p, "plugin"));
      }
      return this;
    }

    /** Also registers every plugin that {@link ServiceLoader} finds on the context class path. */
    public Builder discoverPlugins() {
      return discoverPlugins(Thread.currentThread().getContextClassLoader());
    }

    /** Also registers every plugin that {@link ServiceLoader} finds through {@code loader}. */
    public Builder discoverPlugins(ClassLoader loader) {
      this.discover = true;
      this.discoveryLoader = loader;
      return this;
    }

    /** The clock use cases read (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Estimated minutes per visit of a service order (default 10, the seed's rule). */
    public Builder minutesPerVisit(int minutes) {
      if (minutes < 1 || minutes > 24 * 60) {
        throw new IllegalArgumentException("minutes per visit must be 1..1440, was " + minutes);
      }
      this.minutesPerVisit = minutes;
      return this;
    }

    /**
     * The executor {@link Restock#async} runs calls on, e.g.
     * {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+. The host keeps ownership
     * and shuts it down after closing the engine. Default: a bounded pool the engine owns.
     */
    public Builder asyncExecutor(java.util.concurrent.Executor executor) {
      this.asyncExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    // ---- concurrency: how use cases' units of work are retried after a concurrent change

    /**
     * How often a use case's unit of work runs, whole, when a concurrent unit beat it (an
     * optimistic-lock or serialization failure, reported as
     * {@link dev.restock.api.error.ConcurrentChangeException}); the pause before each retry starts
     * at {@code baseBackoff}, doubles up to {@code maxBackoff}, and is jittered. Default: 5
     * attempts, 10 ms up to 200 ms. {@code maxAttempts = 1} turns retrying off. A call made
     * inside a unit of work the host opened is never retried: the conflict reaches the host.
     * Retries and calls that gave up are counted in {@link Restock#statistics()}.
     *
     * @throws IllegalArgumentException naming every value out of range (attempts 1..100, base
     *     backoff 0..10 s, max backoff base..60 s)
     */
    public Builder conflictRetry(int maxAttempts, java.time.Duration baseBackoff,
        java.time.Duration maxBackoff) {
      this.conflictRetry = new ConflictRetry(maxAttempts, baseBackoff, maxBackoff);
      return this;
    }

    /**
     * Opens the store and assembles the engine.
     *
     * @throws IllegalStateException when no store is set, or both a store and tenants (or a
     *     provider tenant without tenants, anchors with tenants), all named at once; when an id
     *     is used twice or is outside the
     *     format (all such ids named at once), or an audit sink fails to open (the store and the
     *     sinks opened are closed again)
     * @throws dev.restock.api.spi.PluginSettingException for a property of no registered plugin,
     *     or a setting a plugin cannot use
     * @throws RestockException as thrown by the store when it cannot open
     */
    public Restock build() {
      List<String> setup = new ArrayList<>();
      if (store == null && tenants == null) {
        setup.add("no store configured: call store(...), e.g. store(JpaStores.sqlite(path)), "
            + "or tenants(directory) to serve tenants");
      }
      if (store != null && tenants != null) {
        setup.add("both store(..) and tenants(..) are set: a multi-tenant engine opens each "
            + "tenant's store from its directory; set one of them");
      }
      if (providerTenant != null && tenants == null) {
        setup.add("providerTenant(..) needs tenants(directory)");
      }
      if (tenants != null && !anchorSinks.isEmpty()) {
        setup.add("anchorSink(..) with tenants(..): one sink would publish the checkpoints of "
            + "every tenant's chain together; anchor per tenant instead");
      }
      if (tenants != null && !checkpointAnchors.isEmpty()) {
        setup.add("checkpointAnchors(..) with tenants(..): anchors belong to one store's chain");
      }
      if (!setup.isEmpty()) {
        throw new IllegalStateException(String.join("; ", setup));
      }
      if (tenants != null) {
        // fails now, not at the first tenant, on plugin ids or settings that cannot work
        plugins();
        return new dev.restock.core.tenant.TenantEngine(tenants, providerTenant, clock,
            this::buildOn);
      }
      return buildOn(store);
    }

    private record PluginSet(List<EnginePlugin> all, List<String> origins,
        Map<String, Integer> byId, Settings settings) {}

    private PluginSet plugins() {
      List<EnginePlugin> all = new ArrayList<>(plugins);
      List<String> origins = new ArrayList<>();
      for (int i = 0; i < plugins.size(); i++) {
        origins.add("explicit plugin #" + (i + 1) + " (" + plugins.get(i).getClass().getName()
            + ")");
      }
      if (discover) {
        ServiceLoader.load(EnginePlugin.class, discoveryLoader).forEach(p -> {
          // the explicit instance carries the host's settings: it wins over the discovered one
          if (plugins.stream().noneMatch(e -> e.getClass().equals(p.getClass()))) {
            all.add(p);
            origins.add("discovered via ServiceLoader (" + p.getClass().getName() + " from "
                + location(p.getClass()) + ")");
          }
        });
      }
      Map<String, Integer> byId = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        String id = all.get(i).id();
        if (id == null) {
          problems.add("the plugin " + origins.get(i) + " has a null id");
          continue;
        }
        if (!Contributions.ID_FORMAT.matcher(id).matches()) {
          problems.add(Contributions.invalidId("plugin", id, origins.get(i)));
        }
        Integer previous = byId.putIfAbsent(id, i);
        if (previous != null) {
          problems.add("two plugins have the id '" + id + "': " + origins.get(previous)
              + " and " + origins.get(i));
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException(String.join("; ", problems));
      }
      Settings settings = new Settings(pluginProperties,
          environment != null ? environment : System.getenv());
      settings.checkNamespaces(byId.keySet());
      return new PluginSet(all, origins, byId, settings);
    }

    /** A single-store engine on {@code store}, with every plugin and setting of this builder. */
    private Restock buildOn(StoreFactory store) {
      StartupTimer startup = new StartupTimer();
      PluginSet set = plugins();
      List<EnginePlugin> all = set.all();
      List<String> origins = set.origins();
      Map<String, Integer> byId = set.byId();
      Settings settings = set.settings();
      Contributions contributions = new Contributions();
      List<com.google.inject.Module> modules = new ArrayList<>();
      modules.add(new EngineModule(store, clock, minutesPerVisit, asyncExecutor,
          checkpointSettings(), conflictRetry, contributions, startup));
      byId.forEach((id, i) -> {
        EnginePlugin plugin = all.get(i);
        BinderRegistrar registrar = new BinderRegistrar(contributions,
            "by plugin '" + id + "' (" + origins.get(i) + ")", settings.forPlugin(id));
        plugin.register(registrar);
        modules.add(new PluginModule(id, registrar));
      });
      startup.pluginsRegistered();
      try {
        Restock engine = Guice.createInjector(Stage.PRODUCTION, modules).getInstance(Restock.class);
        startup.built();
        return engine;
      } catch (CreationException e) {
        throw unwrap(e.getErrorMessages(), e);
      } catch (ProvisionException e) {
        throw unwrap(e.getErrorMessages(), e);
      }
    }

    private static String location(Class<?> type) {
      java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        return source.getLocation().toString();
      }
      ClassLoader loader = type.getClassLoader();
      return "class loader " + (loader == null ? "bootstrap" : loader.getName() != null
          ? loader.getName() : loader.toString());
    }

    private Checkpointer.Settings checkpointSettings() {
      boolean configured = checkpointSigner != null || !anchorSinks.isEmpty();
      int revisions = checkpointRevisions != null ? checkpointRevisions : configured ? 1000 : 0;
      Duration period = checkpointRevisions != null ? checkpointPeriod
          : configured ? Duration.ofMinutes(10) : null;
      return new Checkpointer.Settings(checkpointSigner, anchorSinks, revisions, period,
          checkpointOnClose, checkpointAnchors);
    }

    private static RuntimeException unwrap(
        java.util.Collection<Message> messages, RuntimeException original) {
      for (Message m : messages) {
        Throwable cause = m.getCause();
        if (cause instanceof RestockException r) {
          return r;
        }
        if (cause instanceof IllegalStateException i) {
          return i;
        }
        if (cause instanceof RuntimeException r) {
          return r;
        }
      }
      return original;
    }
  }
}
