package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.util.Arrays;
import java.util.Optional;

/** Entity types whose history is kept, with the names hosts and the CLI use for them. */
@Stable(since = "0.1")
public enum AuditedType {
  PRODUCT("product"),
  LOCATION("location"),
  ROUTE("route"),
  DEVICE_TYPE("device-type"),
  CABINET_TYPE("cabinet-type"),
  DEVICE("device"),
  CABINET("cabinet"),
  PLANOGRAM("planogram"),
  SLOT("slot"),
  USER("user"),
  SERVICE_ORDER("service-order"),
  STOCK("stock");

  private final String label;

  AuditedType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Looks a type up by its label, ignoring case. */
  public static Optional<AuditedType> byLabel(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equalsIgnoreCase(label)).findFirst();
  }
}
