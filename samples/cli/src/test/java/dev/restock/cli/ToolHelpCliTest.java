package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Help, version and completion on every command, whoever registered it. */
class ToolHelpCliTest {

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  /** Every command of the tool by its path ("product add"), as registered now. */
  private static Map<String, CommandSpec> everyCommand() {
    Map<String, CommandSpec> all = new LinkedHashMap<>();
    walk(RestockCli.commandLine(), List.of(), all, Collections.newSetFromMap(
        new IdentityHashMap<>()));
    return all;
  }

  private static void walk(CommandLine cli, List<String> path, Map<String, CommandSpec> all,
      Set<CommandLine> seen) {
    all.put(String.join(" ", path), cli.getCommandSpec());
    cli.getSubcommands().forEach((name, sub) -> {
      if (seen.add(sub)) { // an alias names a command already walked
        List<String> next = new ArrayList<>(path);
        next.add(name);
        walk(sub, next, all, seen);
      }
    });
  }

  @Test
  void productHelpPrintsTheUsageInsteadOfAnUnknownOption() {
    ToolRun run = ToolRun.of("product", "--help");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: restock product").contains("-h, --help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
    Map<String, CommandSpec> commands = everyCommand();
    assertThat(commands).containsKeys("product add", "audit verify", "migrate status",
        "backup list", "help", "completion", "init");
    List<String> failing = new ArrayList<>();
    commands.keySet().forEach(path -> {
      List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
      args.add("--help");
      ToolRun run = ToolRun.of(args);
      if (run.code() != 0 || !run.out().contains("Usage: restock" + (path.isEmpty() ? ""
          : " " + path))) {
        failing.add(path + ": " + run);
      }
    });
    assertThat(failing).isEmpty();
  }

  @Test
  void helpCommandPrintsTheUsageOfANestedSubcommand() {
    ToolRun run = ToolRun.of("help", "product", "add");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: restock product add").contains("--sku");
    ToolRun unknown = ToolRun.of("help", "nonsense");
    assertThat(unknown.code()).isEqualTo(RestockCli.BAD_INPUT);
  }

  @Test
  void completionPrintsABashScriptThatCompletesTheCommands() {
    ToolRun run = ToolRun.of("completion");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("complete -F").contains("_picocli_restock")
        .contains("product").contains("as-of").contains("--db");
  }

  @Test
  void versionComesFromTheBuild() {
    String built = System.getProperty("restock.version");
    assertThat(built).as("surefire passes the project version").isNotBlank();
    ToolRun root = ToolRun.of("--version");
    assertThat(root.code()).as(root.toString()).isZero();
    assertThat(root.out().lines().findFirst()).contains("restock " + built);
    ToolRun sub = ToolRun.of("product", "list", "--version");
    assertThat(sub.out().lines().findFirst()).contains("restock " + built);
  }

  @Test
  void everyOptionAndPositionalOfEveryCommandHasADescription() {
    List<String> missing = new ArrayList<>();
    everyCommand().forEach((path, spec) -> {
      for (OptionSpec option : spec.options()) {
        if (undescribed(option)) {
          missing.add("restock " + path + " " + option.longestName());
        }
      }
      for (PositionalParamSpec positional : spec.positionalParameters()) {
        if (undescribed(positional)) {
          missing.add("restock " + path + " " + positional.paramLabel());
        }
      }
    });
    assertThat(missing).as("options and parameters without a description").isEmpty();
  }

  private static boolean undescribed(ArgSpec arg) {
    return arg.description().length == 0
        || String.join("", arg.description()).isBlank();
  }
}
