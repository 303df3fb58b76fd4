package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.catalog.Product;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sales", description = "Recorded sales.", subcommands = SalesCommand.ListSales.class)
final class SalesCommand {

  @Command(name = "list", description = "List recorded sales, newest first, optionally by route, "
      + "device, sku or time.")
  static final class ListSales extends EngineCommand {
    @Option(names = "--page", defaultValue = "1",
        description = "Page number, from 1 (default: ${DEFAULT-VALUE}).") int page;
    @Option(names = "--size", defaultValue = "50",
        description = "Rows per page (default: ${DEFAULT-VALUE}).") int size;
    @Option(names = "--route", paramLabel = "CODE",
        description = "Sales from the devices now on this route.") String route;
    @Option(names = "--device", paramLabel = "SERIAL", description = "Sales from this device.")
    String device;
    @Option(names = "--sku", paramLabel = "SKU",
        description = "Sales of this product.") String sku;
    @Mixin TimeRange time;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Criteria criteria = Criteria.all();
      if (route != null) {
        criteria = criteria.and("routeId", Criteria.Operator.EQ,
            session.routes().getByCode(route).id());
      }
      if (device != null) {
        criteria = criteria.and("deviceId", Criteria.Operator.EQ,
            session.devices().getBySerialNumber(device).id());
      }
      if (sku != null) {
        criteria = criteria.and("sku", Criteria.Operator.EQ, sku.strip());
      }
      criteria = time.within(criteria, "recordedAt");
      Page<SaleRecord> sales = session.sales().find(criteria,
          PageRequest.of(Math.max(0, page - 1), size));
      print(sales, () -> {
        Map<UUID, String> skus = skus(session, sales.items().stream()
            .map(SaleRecord::productId).collect(Collectors.toSet()));
        Table t = new Table("RECORDED", "SKU", "UNITS", "BEFORE", "AFTER", "SLOT");
        sales.items().forEach(s -> t.row(s.recordedAt(), skus.get(s.productId()), s.units(),
            s.previousQuantity(), s.newQuantity(), s.slotId()));
        t.print(out());
        out().println("page " + (sales.page() + 1) + " of " + sales.pages() + ", " + sales.total()
            + " sale(s)");
      });
    }

    /** Skus of these products, deleted ones included, reading product pages until all are seen. */
    private static Map<UUID, String> skus(RestockSession session, Set<UUID> wanted) {
      Map<UUID, String> skus = new HashMap<>();
      for (int p = 0; skus.size() < wanted.size(); p++) {
        Page<Product> products = session.products().list(PageRequest.of(p, 500),
            Visibility.INCLUDE_DELETED);
        products.items().stream().filter(x -> wanted.contains(x.id()))
            .forEach(x -> skus.put(x.id(), x.sku()));
        if (p + 1 >= products.pages()) {
          break;
        }
      }
      return skus;
    }
  }
}
