package dev.restock.core.planogram;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.validation.Checks;
import dev.restock.api.spi.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns slot specs into slots: grid and product checks, price defaults, stable ids. */
final class SlotRules {
  /** Row, then column: A1, A2, ..., A10, B1. */
  static final Comparator<Slot> BY_POSITION = Comparator
      .comparingInt((Slot s) -> Positions.row(s.position()))
      .thenComparingInt(s -> Positions.column(s.position()));

  private SlotRules() {}

  /** Live products referenced by the specs, read in one call. */
  static Map<UUID, Product> products(Store store, Collection<SlotSpec> specs) {
    List<UUID> ids = specs.stream().map(SlotSpec::productId).filter(Objects::nonNull).distinct()
        .toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return store.products().findAllById(ids).stream().filter(p -> p.deletedAt() == null)
        .collect(Collectors.toMap(Product::id, Function.identity()));
  }

  /**
   * Slots for {@code specs} in {@code cabinet}; a position already in {@code existing} keeps its
   * slot id, and its quantity when the spec omits one and names the same product (an omitted
   * quantity is 0 otherwise). Problems are recorded under {@code prefix}.
   */
  static List<Slot> build(
      List<SlotSpec> specs, Cabinet cabinet, Map<UUID, Product> products, List<Slot> existing,
      String prefix, Checks checks) {
    Map<String, Slot> existingSlots = existing.stream()
        .collect(Collectors.toMap(Slot::position, Function.identity()));
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      SlotSpec spec = specs.get(i);
      String field = prefix + "[" + i + "]";
      checks.check(Positions.inside(spec.position(), cabinet.rows(), cabinet.columns()),
          field + ".position", "position " + spec.position() + " is outside the cabinet's "
              + cabinet.rows() + "x" + cabinet.columns() + " grid");
      Product product = spec.productId() == null ? null : products.get(spec.productId());
      checks.check(spec.productId() == null || product != null, field + ".productId",
          "no live product with id " + spec.productId());
      checks.check(spec.productId() != null || spec.price() == null, field + ".price",
          "an empty slot has no price");
      BigDecimal price = spec.price() != null ? spec.price().setScale(2)
          : product != null ? product.price() : null;
      Slot current = existingSlots.get(spec.position());
      int quantity = spec.quantityOr(0);
      if (spec.quantity() == null && current != null && spec.productId() != null
          && spec.productId().equals(current.productId())) {
        quantity = current.quantity();
        checks.check(quantity <= spec.capacity(), field + ".quantity", "the slot holds "
            + quantity + ", more than the new capacity " + spec.capacity() + "; give the quantity");
      }
      UUID id = current != null ? current.id() : UUID.randomUUID();
      slots.add(new Slot(id, spec.position(), spec.productId(), spec.capacity(), spec.parLevel(),
          quantity, price));
    }
    slots.sort(BY_POSITION);
    return slots;
  }

  /**
   * The slot at the command's position after {@link SetSlot}: {@code current} changed, or a new
   * slot when {@code current} is null. {@code product} is the live product the command names
   * (null when it names none or an unknown one). Checks the slot as it would be after the change
   * and throws one {@link dev.restock.api.error.ValidationException} naming every problem.
   */
  static Slot set(Slot current, SetSlot command, Cabinet cabinet,
      Product product) {
    Checks checks = new Checks();
    checks.check(Positions.inside(command.position(), cabinet.rows(), cabinet.columns()),
        "position", "position " + command.position() + " is outside the cabinet's "
            + cabinet.rows() + "x" + cabinet.columns() + " grid");
    checks.check(command.productId() == null || product != null, "productId",
        "no live product with id " + command.productId());
    UUID productId = command.productId() != null ? command.productId()
        : current != null ? current.productId() : null;
    boolean sameProduct = current != null && Objects.equals(productId, current.productId());
    Integer capacity = command.capacity() != null ? command.capacity()
        : current != null ? Integer.valueOf(current.capacity()) : null;
    Integer parLevel = command.parLevel() != null ? command.parLevel()
        : current != null ? Integer.valueOf(current.parLevel())
        : productId == null ? Integer.valueOf(0) : null;
    // the units of another product are not this product's units: a new product starts empty
    int quantity = command.quantity() != null ? command.quantity()
        : sameProduct ? current.quantity() : 0;
    BigDecimal price = command.price() != null ? command.price().setScale(2)
        : sameProduct ? current.price() : product != null ? product.price() : null;
    checks.check(capacity != null, "capacity", "is required for a new slot");
    checks.check(parLevel != null, "parLevel", "is required for a new slot with a product");
    if (capacity != null && parLevel != null) {
      checks.check(parLevel <= capacity, "parLevel",
          "par level " + parLevel + " is more than the capacity " + capacity);
    }
    if (capacity != null) {
      checks.check(quantity <= capacity, "quantity",
          "the slot would hold " + quantity + ", more than the capacity " + capacity);
    }
    if (productId == null) {
      SlotSpec.emptyHoldsNothing(parLevel, quantity, checks);
      checks.check(command.price() == null, "price", "an empty slot has no price");
    }
    checks.throwIfAny();
    UUID id = current != null ? current.id() : UUID.randomUUID();
    return new Slot(id, command.position(), productId, capacity, parLevel, quantity, price);
  }
}
