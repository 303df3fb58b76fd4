package dev.restock.web.api;

import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.query.Page;
import dev.restock.api.query.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The product catalogue: list, read, create, change, delete and restore products. */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "The product catalogue")
public class ProductApi {
  private final ApiSupport api;

  ProductApi(ApiSupport api) {
    this.api = api;
  }

  /** A new product's fields; {@code casePack} defaults to 1. */
  public record ProductBody(String sku, String name, String category, BigDecimal price,
      Integer casePack) {}

  /** A product's changes: only the fields given change. */
  public record ProductChanges(String sku, String name, String category, BigDecimal price,
      Integer casePack, Boolean active) {}

  /**
   * A page of products by sku.
   *
   * @param visibility LIVE (default), INCLUDE_DELETED or ONLY_DELETED
   */
  @GetMapping
  @Operation(summary = "List products, a page at a time")
  public Page<Product> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(defaultValue = "LIVE") Visibility visibility) {
    return api.session().products().list(ApiSupport.page(page, size), visibility);
  }

  /** One live product. */
  @GetMapping("/{id}")
  @Operation(summary = "Get a product")
  public Product get(@PathVariable UUID id) {
    return api.session().products().get(id);
  }

  /** Creates a product: 201 with its location, 422 naming every broken rule, 409 on a taken sku. */
  @PostMapping
  @Operation(summary = "Create a product")
  public ResponseEntity<Product> create(@RequestBody ProductBody body) {
    CreateProduct command = new CreateProduct(body.sku(), body.name(), body.category(),
        body.price(), body.casePack());
    Product product = api.session().products().create(command);
    return ApiSupport.created("/api/products", product.id(), product);
  }

  /** Changes the given fields of a live product. */
  @PatchMapping("/{id}")
  @Operation(summary = "Change a product's fields (only those given)")
  public Product update(@PathVariable UUID id, @RequestBody ProductChanges body) {
    UpdateProduct command = new UpdateProduct(body.sku(), body.name(), body.category(),
        body.price(), body.casePack(), body.active());
    return api.session().products().update(id, command);
  }

  /** Soft-deletes a product (refused while slots hold it): 204. */
  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a product (soft; restorable)")
  public ResponseEntity<Void> delete(@PathVariable UUID id) {
    api.session().products().delete(id);
    return ResponseEntity.noContent().build();
  }

  /** Restores a deleted product. */
  @PostMapping("/{id}/restore")
  @Operation(summary = "Restore a deleted product")
  public Product restore(@PathVariable UUID id) {
    return api.session().products().restore(id);
  }
}
