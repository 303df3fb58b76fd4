package dev.restock.spring.app;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.CreateLocation;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The host's own service: engine use cases and its own table in its own transactions. */
@Service
public class StockingService {
  private final Restock restock;
  private final JdbcTemplate jdbc;
  private final RecordingSink sink;
  private final NewLocations newLocations;

  public StockingService(Restock restock, JdbcTemplate jdbc, RecordingSink sink,
      NewLocations newLocations) {
    this.restock = restock;
    this.jdbc = jdbc;
    this.sink = sink;
    this.newLocations = newLocations;
  }

  private RestockSession engine() {
    return restock.as(Actor.system().withReason("stocking"));
  }

  static CreateProduct product(String sku) {
    return new CreateProduct(sku, sku + " name", "Drinks", new BigDecimal("1.00"), 6);
  }

  /**
   * Creates a product, then a location, then fails if asked: all or nothing.
   *
   * @return how many events the audit sink had seen before the transaction ended
   */
  @Transactional
  public int productThenLocation(String sku, String location, boolean fail) {
    engine().products().create(product(sku));
    engine().locations().create(new CreateLocation(location, "1 Main St"));
    int seen = sink.events().size();
    if (fail) {
      throw new IllegalStateException("the host failed after two use cases");
    }
    return seen;
  }

  /** Writes the host's own invoice row and an engine product; fails if asked. */
  @Transactional
  public void invoiceWithProduct(int invoice, String sku, boolean fail) {
    jdbc.update("insert into host_invoice (id, note) values (?, ?)", invoice, "for " + sku);
    Product product = engine().products().create(product(sku));
    // the engine's row is visible to the host's own SQL in the same transaction
    Integer seen = jdbc.queryForObject("select count(*) from product where sku = ?",
        Integer.class, product.sku());
    if (seen == null || seen != 1) {
      throw new IllegalStateException("the host does not see the engine's product");
    }
    if (fail) {
      throw new IllegalStateException("the host failed after writing an invoice");
    }
  }

  /** A product in this transaction, a location in a transaction of its own, then fails. */
  @Transactional
  public void productAroundAnIndependentLocation(String sku, String location) {
    engine().products().create(product(sku));
    newLocations.create(location);
    throw new IllegalStateException("the outer transaction fails");
  }

  /** Reads in a read-only transaction, and tries to write. */
  @Transactional(readOnly = true)
  public long readOnlyThenWrite(String sku) {
    long products = engine().products().list(
        dev.restock.api.query.PageRequest.first()).total();
    engine().products().create(product(sku));
    return products;
  }

  /** Locations created in transactions of their own. */
  @Service
  public static class NewLocations {
    private final Restock restock;

    public NewLocations(Restock restock) {
      this.restock = restock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void create(String name) {
      restock.as(Actor.system()).locations().create(new CreateLocation(name, "2 Side St"));
    }
  }
}
