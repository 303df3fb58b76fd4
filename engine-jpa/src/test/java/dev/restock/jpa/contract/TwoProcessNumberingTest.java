package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs creating and dispatching orders on one SQLite file at once get unique, gapless order
 * and delivery note numbers.
 */
class TwoProcessNumberingTest {
  @TempDir Path dir;

  @Test
  void twoProcessesSharingOneSqliteFileNeverDuplicateNorSkipANumber() throws Exception {
    Path file = dir.resolve("shared.db");
    User admin;
    User driver;
    Route route;
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
      admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
      RestockSession ops = engine.as(Actor.user(admin.id()));
      driver = ops.users().create(new CreateUser("dave", "dave@example.com", Role.DRIVER));
      var location = ops.locations().create(new CreateLocation("Depot", null));
      route = ops.routes().create(new CreateRoute("R1", "North", 7));
      var type = ops.deviceTypes().create(new CreateDeviceType("Single", 1));
      var cabinetType = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
      var cola = ops.products().create(new CreateProduct("COLA", "Cola", null, BigDecimal.ONE, 6));
      ops.devices().setUp(new SetUpDevice(new CreateDevice("M1", "SN1", location.id(), route.id(),
          type.id(), List.of(new CabinetSpec(1, cabinetType.id(), 2, 2))),
          List.of(new CabinetPlanogram(1, "P", List.of(new SlotSpec("A1", cola.id(), 10, 8, 1,
              null))))));
      ops.stock().receive(cola.id(), 1000, "enough for every order");
    }
    int perThread = 10;
    int threads = 4;
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      Path out = dir.resolve("out" + p + ".txt");
      outputs.add(out);
      processes.add(new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), OrderCreatorProcess.class.getName(),
          file.toString(), route.id().toString(), admin.id().toString(), driver.id().toString(),
          String.valueOf(perThread), String.valueOf(threads))
          .redirectOutput(out.toFile()).redirectError(dir.resolve("err" + p + ".txt").toFile())
          .start());
    }
    for (int p = 0; p < 2; p++) {
      assertThat(processes.get(p).waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(processes.get(p).exitValue())
          .as(Files.readString(dir.resolve("err" + p + ".txt"))).isZero();
    }
    List<String> lines = new ArrayList<>();
    for (Path out : outputs) {
      lines.addAll(Files.readAllLines(out));
    }
    String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
    for (String prefix : List.of("SO", "DN")) {
      List<String> numbers = lines.stream().filter(l -> l.startsWith(prefix + "-")).toList();
      TreeSet<String> expected = new TreeSet<>();
      for (int n = 1; n <= 2 * threads * perThread; n++) {
        expected.add(String.format("%s-%s-%06d", prefix, year, n));
      }
      assertThat(numbers).as(prefix).hasSize(2 * threads * perThread);
      assertThat(new TreeSet<>(numbers)).as(prefix).isEqualTo(expected);
    }
  }
}
