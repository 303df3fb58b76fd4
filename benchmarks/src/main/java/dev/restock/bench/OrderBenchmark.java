package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.core.wiring.RestockEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: creating a service order for one route, and reading a product's history, engine against
 * raw JDBC on the same generated fleet, in the same fork. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar --jmh} (or {@code java -cp ... org.openjdk.jmh.Main}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dguice_bytecode_gen_option=DISABLED",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-Dorg.jboss.logging.provider=slf4j"})
public class OrderBenchmark {
  /** Machines in the generated fleet; routes hold about 28 each. */
  @Param({"280"})
  public int machines;

  private BenchDatabase db;
  private Restock engine;
  private RestockSession ops;
  private Connection connection;
  private Baseline baseline;
  private FleetGenerator.Fleet fleet;
  private int next;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    db = BenchDatabase.sqlite(Path.of("target", "jmh"));
    engine = RestockEngine.builder().store(db.factory()).build();
    fleet = FleetGenerator.generate(engine, machines, 300, Math.max(1, machines / 28));
    ops = engine.as(Actor.user(fleet.admin().id()));
    connection = db.connect();
    baseline = new Baseline(connection);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    engine.close();
    db.close();
  }

  private java.util.UUID route() {
    return fleet.routes().get(next++ % fleet.routes().size()).id();
  }

  @Benchmark
  public Object createOrderEngine() {
    return ops.serviceOrders().create(CreateServiceOrder.forRoute(route()));
  }

  @Benchmark
  public Object createOrderBaseline() throws Exception {
    return baseline.createOrder(route(), fleet.admin().id());
  }

  @Benchmark
  public Object productHistoryEngine() {
    return ops.history().history(AuditedType.PRODUCT, fleet.products().get(0).id());
  }

  @Benchmark
  public Object productHistoryBaseline() throws Exception {
    return baseline.productHistory(fleet.products().get(0).id());
  }
}
