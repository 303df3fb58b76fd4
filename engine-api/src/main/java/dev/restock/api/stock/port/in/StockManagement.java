package dev.restock.api.stock.port.in;

import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.StockLevel;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Warehouse stock: receive, adjust, read; and issued delivery notes. */
@Stable(since = "0.1")
public interface StockManagement {

  /**
   * Adds received units of a live product; {@code reason} is optional (null records the session
   * actor's own reason, if any).
   *
   * @throws dev.restock.api.error.ValidationException naming {@code units} when it is not
   *     between 1 and {@link StockLevel#MAX_ON_HAND}, or when the level would exceed that
   */
  StockLevel receive(UUID productId, int units, @Nullable String reason);

  /**
   * Corrects on-hand units by {@code delta} (a count, breakage...); a reason is required.
   *
   * @throws dev.restock.api.error.ValidationException naming {@code delta} when it is zero,
   *     beyond {@link StockLevel#MAX_ON_HAND} either way, or would take the level above it
   * @throws dev.restock.api.error.InsufficientStockException when the result would be negative
   */
  StockLevel adjust(UUID productId, int delta, String reason);

  StockLevel level(UUID productId);

  /** Levels of every live product, by sku. */
  List<StockLevel> levels();

  /**
   * A page of the levels of live products matching {@code criteria} over {@link
   * dev.restock.api.query.SearchFields#STOCK_LEVEL} (product id, sku, name, category, units on
   * hand; 0 for a product never stocked), sorted by its sort keys, then by sku; e.g. {@code
   * Criteria.where("onHand", Operator.LE, 10)} for what to reorder.
   *
   * @throws dev.restock.api.error.ValidationException naming every unknown field and every value
   *     of the wrong type, before anything is read
   */
  @Experimental(since = "0.1")
  Page<StockLevel> levels(Criteria criteria, PageRequest request);

  /** @throws dev.restock.api.error.NotFoundException for an unknown number */
  DeliveryNote deliveryNote(String number);

  /**
   * A page of issued delivery notes matching {@code criteria} over {@link
   * dev.restock.api.query.SearchFields#DELIVERY_NOTE} (number, order id and number, route of the
   * order, issue time), sorted by its sort keys, then newest first; each with its lines.
   * {@code Criteria.all()} lists every note.
   *
   * @throws dev.restock.api.error.ValidationException naming every unknown field and every value
   *     of the wrong type, before anything is read
   */
  @Experimental(since = "0.1")
  Page<DeliveryNote> deliveryNotes(Criteria criteria, PageRequest request);
}
