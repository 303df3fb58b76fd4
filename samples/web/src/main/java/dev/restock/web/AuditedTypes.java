package dev.restock.web;

import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The audited types as the API's and the console's addresses name them ({@code product},
 * {@code service-order}, ...), and the use cases that delete and restore each on its own.
 */
public final class AuditedTypes {
  private AuditedTypes() {}

  /** The audited type of a slug such as {@code product} or {@code service-order}; else 422. */
  public static AuditedType of(String slug) {
    return AuditedType.byLabel(slug).orElseThrow(() -> ValidationException.of("type",
        "unknown type '" + slug + "'; use one of " + Arrays.stream(AuditedType.values())
            .map(AuditedType::label).collect(Collectors.joining(", "))));
  }

  /** Whether entities of {@code type} are deleted and restored on their own. */
  public static boolean deletable(AuditedType type) {
    return switch (type) {
      case PRODUCT, LOCATION, ROUTE, DEVICE_TYPE, CABINET_TYPE, DEVICE, PLANOGRAM, USER -> true;
      default -> false;
    };
  }

  /** The use cases managing {@code type}; a 422 for types not deleted on their own. */
  public static ManageAggregate<? extends Aggregate, ?, ?> management(RestockSession s,
      AuditedType type) {
    return switch (type) {
      case PRODUCT -> s.products();
      case LOCATION -> s.locations();
      case ROUTE -> s.routes();
      case DEVICE_TYPE -> s.deviceTypes();
      case CABINET_TYPE -> s.cabinetTypes();
      case DEVICE -> s.devices();
      case PLANOGRAM -> s.planograms();
      case USER -> s.users();
      default -> throw ValidationException.of("type", "'" + type.label() + "' is not deleted "
          + "or restored on its own (cabinets and slots follow their device or planogram, "
          + "orders are cancelled, stock is adjusted)");
    };
  }
}
