package dev.restock.cli;

import dev.restock.api.RestockSession;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps the type names the tool accepts to history types and management use cases. */
final class Aggregates {
  private Aggregates() {}

  static AuditedType type(String label) {
    return AuditedType.byLabel(label).orElseThrow(() -> new RestockCli.UsageException(
        "unknown type '" + label + "'; use one of " + Arrays.stream(AuditedType.values())
            .map(AuditedType::label).collect(Collectors.joining(", "))));
  }

  /** The use cases that delete and restore this type; only soft-deletable aggregates have one. */
  static ManageAggregate<? extends Aggregate, ?, ?> management(RestockSession s, AuditedType type) {
    return switch (type) {
      case PRODUCT -> s.products();
      case LOCATION -> s.locations();
      case ROUTE -> s.routes();
      case DEVICE_TYPE -> s.deviceTypes();
      case CABINET_TYPE -> s.cabinetTypes();
      case DEVICE -> s.devices();
      case PLANOGRAM -> s.planograms();
      case USER -> s.users();
      default -> throw new RestockCli.UsageException("'" + type.label() + "' is not deleted or "
          + "restored on its own (cabinets and slots follow their device or planogram); use "
          + "product, location, route, device-type, cabinet-type, device, planogram or user");
    };
  }

  static UUID uuid(String id) {
    UUID uuid = ProductCommand.uuid(id);
    if (uuid == null) {
      throw new RestockCli.UsageException("ID must be a UUID (was '" + id + "')");
    }
    return uuid;
  }
}
