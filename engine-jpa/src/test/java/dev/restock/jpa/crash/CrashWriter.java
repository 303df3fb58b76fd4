package dev.restock.jpa.crash;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.RestockException;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The JVM the crash suite kills: opens the engine on a SQLite file and runs a random mix of the
 * write commands forever, printing one line per committed unit of work, after it committed:
 *
 * <pre>
 * READY                                      the engine is open, writing starts
 * C &lt;kind&gt; &lt;ids...&gt;                       a unit of work committed (see {@link CrashInvariants})
 * R &lt;kind&gt; &lt;exception&gt;                     a command was refused (nothing written)
 * S restore &lt;target&gt;                        a restore into target starts
 * </pre>
 *
 * Arguments: {@code write|backup|restore DB FIXTURE SEED [BACKUP_DIR | BACKUP_FILE TARGET_DIR]}.
 * With {@code -Drestock.crash.halt=POINT:N} the store halts the JVM inside the n-th write unit
 * ({@link HaltingStore}).
 */
public final class CrashWriter {
  private final RestockSession ops;
  private final CrashFixture fixture;
  private final Random random;
  private final Deque<UUID> pending = new ArrayDeque<>();
  private final Deque<UUID> assigned = new ArrayDeque<>();
  private final List<ServiceOrder> inProgress = new ArrayList<>();
  private final List<UUID> scratch = new ArrayList<>();

  private CrashWriter(RestockSession ops, CrashFixture fixture, Random random) {
    this.ops = ops;
    this.fixture = fixture;
    this.random = random;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    String mode = args[0];
    Path db = Path.of(args[1]);
    CrashFixture fixture = CrashFixture.load(Path.of(args[2]));
    Random random = new Random(Long.parseLong(args[3]));
    if (mode.equals("restore")) {
      restoreForever(Path.of(args[4]), Path.of(args[5]));
      return;
    }
    StoreFactory sqlite = JpaStores.sqlite(db);
    String halt = System.getProperty("restock.crash.halt");
    StoreFactory factory = halt == null ? sqlite : () -> new HaltingStore(sqlite.open(), halt);
    try (Restock engine = RestockEngine.builder().store(factory).build()) {
      CrashWriter writer = new CrashWriter(engine.as(Actor.user(fixture.admin())), fixture, random);
      writer.loadState();
      if (mode.equals("backup")) {
        Thread backups = new Thread(() -> backupForever(db, Path.of(args[4])), "backups");
        backups.setDaemon(true);
        backups.start();
      }
      say("READY");
      while (true) {
        writer.step();
      }
    }
  }

  private static void backupForever(Path db, Path dir) {
    JpaStoreConfig config = JpaStoreConfig.of("jdbc:sqlite:" + db.toAbsolutePath(), null, null);
    while (true) {
      try {
        BackupInfo info = Backups.backup(config, dir);
        say("C backup " + info.file());
      } catch (RuntimeException e) {
        say("R backup " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  private static void restoreForever(Path backup, Path dir) {
    // one restore before READY: the kill delay then falls on restoring, not on class loading
    restore(backup, dir);
    say("READY");
    while (true) {
      restore(backup, dir);
    }
  }

  private static void restore(Path backup, Path dir) {
    Path target = dir.resolve("target-" + UUID.randomUUID().toString().substring(0, 8) + ".db");
    say("S restore " + target);
    // the harness tests crash safety, not signatures: its backups are unsigned on purpose
    Backups.restore(backup, JpaStoreConfig.of("jdbc:sqlite:" + target, null, null),
        RestoreOptions.noKey().withAllowUnsigned(true));
    say("C restore " + target);
  }

  /** What earlier (killed) writers left: orders still to move on, scratch products. */
  private void loadState() {
    // only orders still moving: a long run piles up completed ones
    Criteria open = Criteria.where("status", Criteria.Operator.IN, OrderStatus.PENDING.name(),
        OrderStatus.ASSIGNED.name(), OrderStatus.IN_PROGRESS.name());
    for (int page = 0; ; page++) {
      Page<ServiceOrder> orders = ops.serviceOrders().find(open, PageRequest.of(page, 1000));
      for (ServiceOrder order : orders.items()) {
        switch (order.status()) {
          case PENDING -> pending.add(order.id());
          case ASSIGNED -> assigned.add(order.id());
          case IN_PROGRESS -> inProgress.add(order);
          default -> { }
        }
      }
      if (page + 1 >= orders.pages()) {
        break;
      }
    }
    for (int page = 0; ; page++) {
      Page<Product> products = ops.products().list(PageRequest.of(page, 1000), Visibility.LIVE);
      products.items().stream().filter(p -> p.sku().startsWith("X-"))
          .forEach(p -> scratch.add(p.id()));
      if (page + 1 >= products.pages()) {
        break;
      }
    }
  }

  /** The write commands, each as often as the others, in a new random order every round. */
  private enum Command {
    SALE, ORDER_CREATE, ORDER_ASSIGN, ORDER_DISPATCH, VISIT_COMPLETE, STOCK_RECEIVE,
    PRODUCT_CREATE, PRODUCT_UPDATE, PRODUCT_DELETE
  }

  private final Deque<Command> round = new ArrayDeque<>();

  private Command next() {
    if (round.isEmpty()) {
      List<Command> all = new ArrayList<>(List.of(Command.values()));
      Collections.shuffle(all, random);
      round.addAll(all);
    }
    return round.poll();
  }

  /** Runs the next command of the round that has something to work on. */
  private void step() {
    for (int tries = 0; tries < Command.values().length; tries++) {
      if (attempt(next())) {
        return;
      }
    }
  }

  /** Runs {@code command}; false when it had nothing to work on (no order to assign...). */
  private boolean attempt(Command command) {
    String kind = command.name().toLowerCase(Locale.ROOT).replace('_', '.');
    try {
      switch (command) {
        case SALE -> {
          UUID slot = fixture.slots().get(random.nextInt(fixture.slots().size()));
          List<SaleRecord> sold = ops.sales().record(
              new RecordSales(List.of(SaleEntry.sold(slot, 1 + random.nextInt(3)))));
          say("C sale " + sold.get(0).id());
        }
        case ORDER_CREATE -> {
          ServiceOrder order =
              ops.serviceOrders().create(CreateServiceOrder.forRoute(fixture.route()));
          pending.add(order.id());
          say("C order.create " + order.id() + " " + order.number() + " " + order.visits().size()
              + " " + order.visits().stream().mapToInt(v -> v.lines().size()).sum());
        }
        case ORDER_ASSIGN -> {
          UUID id = pending.poll();
          if (id == null) {
            return false;
          }
          ops.serviceOrders().assign(id, fixture.driver());
          assigned.add(id);
          say("C order.assign " + id);
        }
        case ORDER_DISPATCH -> {
          UUID id = assigned.peek();
          if (id == null) {
            return false;
          }
          DeliveryNote note = ops.serviceOrders().dispatch(id);
          assigned.poll();
          inProgress.add(ops.serviceOrders().get(id));
          say("C order.dispatch " + id + " " + note.number());
        }
        case VISIT_COMPLETE -> {
          return completeVisit();
        }
        case STOCK_RECEIVE -> {
          UUID product = fixture.products().get(random.nextInt(fixture.products().size()));
          receive(product, 5 + random.nextInt(56));
        }
        case PRODUCT_CREATE -> {
          String sku = "X-" + UUID.randomUUID().toString().substring(0, 8);
          Product product = ops.products().create(new CreateProduct(sku, "Scratch " + sku, null,
              new BigDecimal("2.00"), 1));
          scratch.add(product.id());
          say("C product.create " + product.id());
        }
        case PRODUCT_UPDATE -> {
          if (scratch.isEmpty()) {
            return false;
          }
          UUID id = scratch.get(random.nextInt(scratch.size()));
          String name = "Renamed-" + UUID.randomUUID().toString().substring(0, 8);
          ops.products().update(id, new UpdateProduct(null, name, null,
              BigDecimal.valueOf(100 + random.nextInt(900), 2), null, null));
          say("C product.update " + id + " " + name);
        }
        case PRODUCT_DELETE -> {
          if (scratch.isEmpty()) {
            return false;
          }
          UUID id = scratch.remove(random.nextInt(scratch.size()));
          ops.products().delete(id);
          say("C product.delete " + id);
        }
      }
    } catch (InsufficientStockException e) {
      say("R " + kind + " " + e.getClass().getSimpleName());
      try {
        for (InsufficientStockException.Shortage shortage : e.shortages()) {
          receive(shortage.productId(), shortage.needed() - shortage.available() + 20);
        }
      } catch (RestockException again) {
        say("R stock.receive " + again.getClass().getSimpleName() + ": " + again.getMessage());
      }
    } catch (RestockException e) {
      say("R " + kind + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return true;
  }

  private boolean completeVisit() {
    while (!inProgress.isEmpty()) {
      ServiceOrder order = inProgress.get(random.nextInt(inProgress.size()));
      Visit visit = order.visits().stream().filter(v -> v.status() == VisitStatus.PENDING)
          .findFirst().orElse(null);
      inProgress.remove(order);
      if (visit != null) {
        ServiceOrder after = ops.serviceOrders().completeVisit(order.id(), visit.id(),
            CompleteVisit.asPlanned());
        if (after.status() == OrderStatus.IN_PROGRESS) {
          inProgress.add(after);
        }
        say("C visit.complete " + order.id() + " " + visit.id());
        return true;
      }
    }
    return false;
  }

  private void receive(UUID product, int units) {
    String token = UUID.randomUUID().toString();
    ops.stock().receive(product, units, CrashFixture.receiptReason(token, units));
    say("C stock.receive " + product + " " + units + " " + token);
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
