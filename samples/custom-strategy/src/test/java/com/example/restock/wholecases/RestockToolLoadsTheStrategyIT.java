package com.example.restock.wholecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged restock tool, with this sample's jar on the class path, finds and uses it. */
class RestockToolLoadsTheStrategyIT {
  @TempDir Path dir;

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("restock.jar") + File.pathSeparator
            + System.getProperty("plugin.jar"),
        "dev.restock.cli.RestockCli"));
    command.addAll(List.of(args));
    command.addAll(List.of("--db", dir.resolve("restock.db").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void thePickListUsesTheThirdPartyStrategy() throws Exception {
    run("demo");

    String pickList = run("pick-list", "--route", "DEMO-1", "--strategy", WholeCases.ID);

    assertThat(pickList).contains(WholeCases.ID);
  }

  @Test
  void thePickListUsesTheMachineLevelStrategyRegisteredByTheSamePlugin() throws Exception {
    run("demo");

    String pickList = run("pick-list", "--route", "DEMO-1", "--strategy", MachineWholeCases.ID);

    assertThat(pickList).contains("(" + MachineWholeCases.ID + ")");
  }
}
