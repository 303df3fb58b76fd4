package dev.restock.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettingException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Plugin settings from Boot's configuration ({@code restock.plugins.<id>.<key>}) reach plugins. */
class PluginSettingsFromBootTest {
  private HikariDataSource pool;
  private ApplicationContextRunner runner;

  /** A plugin bean that keeps what it read through {@code registrar.settings()}. */
  static final class ReadingPlugin implements EnginePlugin {
    final Map<String, String> read = new TreeMap<>();
    int limit;

    @Override public String id() { return "tck-reader"; }

    @Override public void register(PluginRegistrar registrar) {
      registrar.settings().get("greeting").ifPresent(v -> read.put("greeting", v));
      registrar.settings().get("file.path").ifPresent(v -> read.put("file.path", v));
      limit = registrar.settings().getInt("max-items", 1);
    }
  }

  @BeforeEach
  void applicationPool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:settings" + TestDatabases.token() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    pool = new HikariDataSource(config);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RestockAutoConfiguration.class))
        .withBean(DataSource.class, () -> pool, d -> d.setDestroyMethodName(""))
        .withBean(ReadingPlugin.class, ReadingPlugin::new);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void aPluginReadsItsSettingsFromBootConfiguration() {
    runner.withPropertyValues("restock.plugins.tck-reader.greeting=hello",
            "restock.plugins.tck-reader.max-items=3",
            "restock.plugins.tck-reader.file.path=/var/restock/out.jsonl")
        .run(context -> {
          assertThat(context).hasNotFailed();
          ReadingPlugin plugin = context.getBean(ReadingPlugin.class);
          assertThat(plugin.read).containsExactly(Map.entry("file.path", "/var/restock/out.jsonl"),
              Map.entry("greeting", "hello"));
          assertThat(plugin.limit).isEqualTo(3);
        });
  }

  @Test
  void aSettingForNoRegisteredPluginFailsTheStartNamingIt() {
    runner.withPropertyValues("restock.plugins.tck-nobody.greeting=hello")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(rootCause(context.getStartupFailure()))
              .isInstanceOf(PluginSettingException.class)
              .hasMessageContaining("'tck-nobody.greeting'")
              .hasMessageContaining("tck-reader");
        });
  }

  @Test
  void aValueThePluginCannotReadFailsTheStartNamingTheKey() {
    runner.withPropertyValues("restock.plugins.tck-reader.max-items=many")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(rootCause(context.getStartupFailure()))
              .isInstanceOf(PluginSettingException.class)
              .hasMessageContaining("max-items")
              .hasMessageContaining("many");
        });
  }

  @Test
  void aKeyOutsideTheEnginesFormatIsNotRewrittenButFailsTheStartNamingIt() {
    runner.withPropertyValues("restock.plugins.tck-reader.maxItems=3")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable root = context.getStartupFailure();
          while (!(root instanceof IllegalArgumentException) && root.getCause() != null) {
            root = root.getCause();
          }
          assertThat(root).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("'tck-reader.maxItems'");
        });
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (!(root instanceof PluginSettingException) && root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }
}
