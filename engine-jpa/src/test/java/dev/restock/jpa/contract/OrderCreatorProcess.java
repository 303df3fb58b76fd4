package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A second JVM for {@link TwoProcessNumberingTest}: creates orders on a SQLite file and prints
 * assigns and dispatches them, and prints order and delivery note numbers, one per line.
 * Arguments: file, route id, actor id, driver id, count, threads.
 */
public final class OrderCreatorProcess {
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    Path file = Path.of(args[0]);
    UUID route = UUID.fromString(args[1]);
    UUID actor = UUID.fromString(args[2]);
    UUID driver = UUID.fromString(args[3]);
    int count = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
      var ops = engine.as(Actor.user(actor));
      Thread[] workers = new Thread[threads];
      java.util.concurrent.ConcurrentLinkedQueue<String> numbers =
          new java.util.concurrent.ConcurrentLinkedQueue<>();
      java.util.concurrent.atomic.AtomicReference<Throwable> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      for (int t = 0; t < threads; t++) {
        workers[t] = new Thread(() -> {
          try {
            for (int i = 0; i < count; i++) {
              var order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route));
              numbers.add(order.number());
              ops.serviceOrders().assign(order.id(), driver);
              numbers.add(ops.serviceOrders().dispatch(order.id()).number());
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        });
        workers[t].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      if (failure.get() != null) {
        failure.get().printStackTrace();
        System.exit(1);
      }
      numbers.forEach(System.out::println);
    }
  }
}
