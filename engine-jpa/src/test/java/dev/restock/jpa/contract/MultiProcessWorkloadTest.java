package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.ConcurrentWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The everyday concurrent mix from several JVMs on one database, as several copies of the tool
 * or several application servers would run it: {@value #JOBS} jobs (or the system property
 * {@code restock.concurrency.jobs}) of receipts, dispatches and visit completions, spread over
 * {@value #PROCESSES} processes of {@value #THREADS} threads, visits of one order completed from
 * different processes. No job may fail, and afterwards stock equals receipts minus dispatched
 * units, every visit is delivered once, and numbers are gapless.
 */
class MultiProcessWorkloadTest {
  static final int JOBS = 40;
  static final int PROCESSES = 4;
  static final int THREADS = 2;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "SQLITE"})
  void severalProcessesRunTheEverydayMixWithoutAFailedJob(TestDatabase database)
      throws Exception {
    int jobs = Integer.getInteger("restock.concurrency.jobs", JOBS);
    try (FreshDatabase db = database.fresh()) {
      User admin;
      try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
        admin = ConcurrentWorkload.setUp(engine, jobs);
      }
      String url = db.jdbcUrl();
      String schema = "-";
      int query = url.indexOf("?currentSchema=");
      if (query >= 0) {
        schema = url.substring(query + "?currentSchema=".length());
        url = url.substring(0, query);
      }
      String user = db.config().user() == null ? "-" : db.config().user();
      List<Process> processes = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        processes.add(new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // short-lived workers: the quick compiler tier starts them sooner
            "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), WorkloadProcess.class.getName(),
            url, user, schema, admin.id().toString(), String.valueOf(jobs), String.valueOf(p),
            String.valueOf(PROCESSES), String.valueOf(THREADS), dir.toString())
            .redirectOutput(dir.resolve("out" + p + ".txt").toFile())
            .redirectError(dir.resolve("err" + p + ".txt").toFile()).start());
      }
      long readyBy = System.currentTimeMillis() + 120_000;
      for (int p = 0; p < PROCESSES; p++) {
        while (!Files.exists(dir.resolve("ready-" + p)) && System.currentTimeMillis() < readyBy
            && processes.get(p).isAlive()) {
          Thread.sleep(20);
        }
      }
      long start = System.nanoTime();
      Files.writeString(dir.resolve("go"), "go");
      for (int p = 0; p < PROCESSES; p++) {
        assertThat(processes.get(p).waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(processes.get(p).exitValue())
            .as(Files.readString(dir.resolve("err" + p + ".txt"))).isZero();
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      List<String> ok = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      long retries = 0;
      long gaveUp = 0;
      for (int p = 0; p < PROCESSES; p++) {
        for (String line : Files.readAllLines(dir.resolve("out" + p + ".txt"))) {
          if (line.startsWith("OK ")) {
            ok.add(line);
          } else if (line.startsWith("FAIL ")) {
            failed.add(line);
          } else if (line.startsWith("RETRIES ")) {
            String[] figures = line.split(" ");
            retries += Long.parseLong(figures[1]);
            gaveUp += Long.parseLong(figures[2]);
          }
        }
      }
      System.out.printf("%s: %d jobs in %d processes x %d threads, %d ms: %d ok, %d failed, "
          + "%d retries, %d gave up%n", database, jobs, PROCESSES, THREADS, millis, ok.size(),
          failed.size(), retries, gaveUp);
      assertThat(failed).as("failed jobs").isEmpty();
      assertThat(ok).hasSize(jobs);
      try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
        assertThat(ConcurrentWorkload.violations(engine.as(Actor.user(admin.id())), jobs))
            .as("invariants").isEmpty();
        assertThat(engine.as(Actor.system()).history().verify().intact()).isTrue();
      }
    }
  }
}
