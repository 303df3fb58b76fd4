package dev.restock.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median wall time of repeated runs after a warm-up. */
final class Measure {
  interface Work {
    void run(int iteration) throws Exception;
  }

  static double medianMillis(int warmup, int iterations, Work work) throws Exception {
    for (int i = 0; i < warmup; i++) {
      work.run(i);
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      work.run(warmup + i);
      times.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  private Measure() {}
}
