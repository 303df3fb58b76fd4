package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code -P plugin-id.key=value} reaches the engine builder's plugin properties. */
class PluginPropertyCliTest {
  private record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private static Run exec(String... args) {
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aPropertyOfADiscoveredPluginIsAccepted() {
    Run run = exec("route", "list", "--db", "memory", "-P", "picklist-standard.unused=1");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void aPropertyForNoPluginIsBadInputNamingIt() {
    Run run = exec("route", "list", "--db", "memory", "-P", "acne.threshold=3",
        "--plugin-property", "zeta.x=1");
    assertThat(run.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(run.err()).contains("plugin properties for no registered plugin:"
        + " 'acne.threshold', 'zeta.x'");
  }

  @Test
  void aMalformedPropertyNameIsBadInput() {
    Run run = exec("route", "list", "--db", "memory", "-P", "Threshold=3");
    assertThat(run.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(run.err()).contains("plugin property 'Threshold' is not <plugin-id>.<key>");
  }
}
