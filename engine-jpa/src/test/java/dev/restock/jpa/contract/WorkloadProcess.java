package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.plugin.tck.ConcurrentWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker JVM of {@link MultiProcessWorkloadTest}: opens its own store on the shared database,
 * writes {@code ready-INDEX} into the signal folder, waits for {@code go}, then runs the jobs
 * {@code j} of the {@link ConcurrentWorkload} with {@code j % processes == index} on a few
 * threads, printing {@code OK j} or {@code FAIL j: error} per job and the engine's retry counts.
 * Arguments: jdbc URL, user ({@code -} for none), schema ({@code -} for none), actor id, jobs,
 * index, processes, threads, signal folder.
 */
public final class WorkloadProcess {
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    String url = args[0];
    String user = "-".equals(args[1]) ? null : args[1];
    JpaStoreConfig config = JpaStoreConfig.of(url, user, user == null ? null : "");
    if (!"-".equals(args[2])) {
      config = config.withSchema(args[2]);
    }
    UUID actor = UUID.fromString(args[3]);
    int jobs = Integer.parseInt(args[4]);
    int index = Integer.parseInt(args[5]);
    int processes = Integer.parseInt(args[6]);
    int threads = Integer.parseInt(args[7]);
    Path signals = Path.of(args[8]);
    try (Restock engine = RestockEngine.builder().store(JpaStores.of(config)).build()) {
      RestockSession ops = engine.as(Actor.user(actor));
      ConcurrentWorkload.Plan plan = ConcurrentWorkload.plan(ops);
      Files.writeString(signals.resolve("ready-" + index), "ready");
      long deadline = System.currentTimeMillis() + 120_000;
      while (!Files.exists(signals.resolve("go")) && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      List<Integer> mine = new ArrayList<>();
      for (int j = index; j < jobs; j += processes) {
        mine.add(j);
      }
      AtomicInteger next = new AtomicInteger();
      List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread[] workers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] = new Thread(() -> {
          for (int i = next.getAndIncrement(); i < mine.size(); i = next.getAndIncrement()) {
            int job = mine.get(i);
            try {
              ConcurrentWorkload.run(ops, plan, job);
              lines.add("OK " + job);
            } catch (RuntimeException e) {
              lines.add("FAIL " + job + ": " + e.toString().replace('\n', ' '));
            }
          }
        });
        workers[t].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      lines.forEach(System.out::println);
      var stats = engine.statistics();
      System.out.println("RETRIES " + stats.retries() + " " + stats.retriesExhausted());
    }
  }
}
