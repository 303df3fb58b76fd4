package dev.restock.web.api;

import dev.restock.api.error.ValidationException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.StockLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Warehouse stock (levels, receipts, adjustments) and the delivery notes issued. */
@RestController
@Tag(name = "Stock", description = "Warehouse stock and delivery notes")
public class StockApi {
  private final ApiSupport api;

  StockApi(ApiSupport api) {
    this.api = api;
  }

  /** Units received, with an optional reason. */
  public record ReceiveBody(Integer units, String reason) {}

  /** A correction of on-hand units (positive or negative), with its required reason. */
  public record AdjustBody(Integer delta, String reason) {}

  /** Levels of every live product, by sku. */
  @GetMapping("/api/stock")
  @Operation(summary = "Stock levels of every live product")
  public List<StockLevel> levels() {
    return api.session().stock().levels();
  }

  /** The level of one product. */
  @GetMapping("/api/stock/{productId}")
  @Operation(summary = "Stock level of one product")
  public StockLevel level(@PathVariable UUID productId) {
    return api.session().stock().level(productId);
  }

  /** Adds received units of a product. */
  @PostMapping("/api/stock/{productId}/receive")
  @Operation(summary = "Receive units of a product into the warehouse")
  public StockLevel receive(@PathVariable UUID productId, @RequestBody ReceiveBody body) {
    if (body.units() == null) {
      throw ValidationException.of("units", "is required");
    }
    String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason();
    return api.session(reason).stock().receive(productId, body.units(), reason);
  }

  /** Corrects on-hand units by a delta; 409 when the level would go negative. */
  @PostMapping("/api/stock/{productId}/adjust")
  @Operation(summary = "Adjust the on-hand units of a product (count, breakage...)")
  public StockLevel adjust(@PathVariable UUID productId, @RequestBody AdjustBody body) {
    Commands c = new Commands();
    if (body.delta() == null) {
      c.add("delta", "is required");
    }
    if (body.reason() == null || body.reason().isBlank()) {
      c.add("reason", "is required");
    }
    c.throwIfAny();
    return api.session(body.reason()).stock().adjust(productId, body.delta(), body.reason());
  }

  /** Delivery notes, newest first, optionally of one order. */
  @GetMapping("/api/delivery-notes")
  @Operation(summary = "List delivery notes (filter: orderId)")
  public Page<DeliveryNote> deliveryNotes(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) UUID orderId) {
    Criteria criteria = orderId == null ? Criteria.all()
        : Criteria.where("orderId", Criteria.Operator.EQ, orderId);
    return api.session().stock().deliveryNotes(criteria, ApiSupport.page(page, size));
  }

  /** One delivery note by its number. */
  @GetMapping("/api/delivery-notes/{number}")
  @Operation(summary = "Get a delivery note by number")
  public DeliveryNote deliveryNote(@PathVariable String number) {
    return api.session().stock().deliveryNote(number);
  }
}
