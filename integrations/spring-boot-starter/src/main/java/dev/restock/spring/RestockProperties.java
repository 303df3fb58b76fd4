package dev.restock.spring;

import dev.restock.jpa.config.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code restock.*} settings of the auto-configured engine. The database connection itself is
 * the application's own {@code DataSource} ({@code spring.datasource.*}); these say how the
 * engine uses it.
 */
@ConfigurationProperties("restock")
public class RestockProperties {
  /** Whether to auto-configure the engine at all. */
  private boolean enabled = true;

  /**
   * The database the DataSource is on: sqlite, h2 or postgresql. Read from a connection's
   * metadata when not set.
   */
  private Database database;

  /**
   * PostgreSQL schema of the engine's tables; must be the DataSource's current schema (set it
   * there, e.g. currentSchema= in the URL). Not set: the connections' current schema.
   */
  private String schema;

  /**
   * Whether the engine applies its pending migrations at start (under its own location and
   * history table restock_schema_history). When false, a database behind the engine's version
   * is refused at start.
   */
  private boolean migrateOnStart = true;

  /** Whether the database's own integrity check (SQLite quick_check) runs at start. */
  private boolean integrityCheck = true;

  /**
   * Whether use cases called inside a Spring transaction on the DataSource join it (one commit,
   * one rollback, audit sinks after the commit). When false, every use case commits on its own.
   */
  private boolean joinTransactions = true;

  /**
   * Whether plugins listed in META-INF/services/dev.restock.api.spi.EnginePlugin are registered
   * too; EnginePlugin beans of the context always are.
   */
  private boolean discoverPlugins = false;

  /** Estimated minutes per visit of a service order. */
  private int minutesPerVisit = 10;

  /**
   * Ed25519 key file that signs history checkpoints (kept outside the database; make one with
   * 'restock audit keygen'). Turns automatic checkpoints on.
   */
  private Path auditKeyFile;

  /**
   * JSON lines file, on another volume than the database, that receives every checkpoint.
   * Turns automatic checkpoints on.
   */
  private Path anchorFile;

  /**
   * Plugin settings, by plugin id and then key: restock.plugins.my-plugin.threshold=3 reaches
   * plugin my-plugin as key threshold (through registrar.settings()). Keys are lower-case words
   * joined by '-' or '.'; a setting for a plugin that is not registered fails the start. They
   * win over the engine's environment variables RESTOCK_<PLUGIN_ID>__<KEY>.
   */
  private final Map<String, Map<String, String>> plugins = new LinkedHashMap<>();

  private final Checkpoint checkpoint = new Checkpoint();

  private final Metrics metrics = new Metrics();

  /** When automatic checkpoints are made. */
  public static class Checkpoint {
    /**
     * A checkpoint after this many committed writes (0: never by count). Default with a key
     * file or anchor file: 1000.
     */
    private Integer revisions;

    /** A checkpoint after this long when anything new was chained. Default: 10 minutes. */
    private Duration period;

    /** Also a checkpoint when the engine closes, if anything was chained since the last one. */
    private boolean onClose = false;

    public Integer getRevisions() {
      return revisions;
    }

    public void setRevisions(Integer revisions) {
      this.revisions = revisions;
    }

    public Duration getPeriod() {
      return period;
    }

    public void setPeriod(Duration period) {
      this.period = period;
    }

    public boolean isOnClose() {
      return onClose;
    }

    public void setOnClose(boolean onClose) {
      this.onClose = onClose;
    }
  }

  /** The engine's Micrometer meters. */
  public static class Metrics {
    /** Whether the engine's statistics are published to the application's MeterRegistry. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Database getDatabase() {
    return database;
  }

  public void setDatabase(Database database) {
    this.database = database;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public boolean isMigrateOnStart() {
    return migrateOnStart;
  }

  public void setMigrateOnStart(boolean migrateOnStart) {
    this.migrateOnStart = migrateOnStart;
  }

  public boolean isIntegrityCheck() {
    return integrityCheck;
  }

  public void setIntegrityCheck(boolean integrityCheck) {
    this.integrityCheck = integrityCheck;
  }

  public boolean isJoinTransactions() {
    return joinTransactions;
  }

  public void setJoinTransactions(boolean joinTransactions) {
    this.joinTransactions = joinTransactions;
  }

  public boolean isDiscoverPlugins() {
    return discoverPlugins;
  }

  public void setDiscoverPlugins(boolean discoverPlugins) {
    this.discoverPlugins = discoverPlugins;
  }

  public int getMinutesPerVisit() {
    return minutesPerVisit;
  }

  public void setMinutesPerVisit(int minutesPerVisit) {
    this.minutesPerVisit = minutesPerVisit;
  }

  public Path getAuditKeyFile() {
    return auditKeyFile;
  }

  public void setAuditKeyFile(Path auditKeyFile) {
    this.auditKeyFile = auditKeyFile;
  }

  public Path getAnchorFile() {
    return anchorFile;
  }

  public void setAnchorFile(Path anchorFile) {
    this.anchorFile = anchorFile;
  }

  public Map<String, Map<String, String>> getPlugins() {
    return plugins;
  }

  /**
   * The plugin settings as the engine builder takes them, named {@code <plugin-id>.<key>}.
   *
   * @return a new map, in the order of the configuration
   */
  public Map<String, String> pluginProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    plugins.forEach((id, settings) ->
        settings.forEach((key, value) -> properties.put(id + "." + key, value)));
    return properties;
  }

  public Checkpoint getCheckpoint() {
    return checkpoint;
  }

  public Metrics getMetrics() {
    return metrics;
  }
}
