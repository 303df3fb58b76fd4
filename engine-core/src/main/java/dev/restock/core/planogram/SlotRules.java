package dev.restock.core.planogram;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.planogram.Positions;
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
   * slot id. Problems are recorded under {@code prefix}.
   */
  static List<Slot> build(
      List<SlotSpec> specs, Cabinet cabinet, Map<UUID, Product> products, List<Slot> existing,
      String prefix, Checks checks) {
    Map<String, UUID> existingIds = existing.stream()
        .collect(Collectors.toMap(Slot::position, Slot::id));
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
      UUID id = existingIds.getOrDefault(spec.position(), UUID.randomUUID());
      slots.add(new Slot(id, spec.position(), spec.productId(), spec.capacity(), spec.parLevel(),
          spec.quantity(), price));
    }
    slots.sort(BY_POSITION);
    return slots;
  }
}
