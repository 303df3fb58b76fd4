package dev.restock.jpa.mapping;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the text state map history shows; null values are left out. */
public final class AuditState {
  private final Map<String, String> values = new LinkedHashMap<>();

  public AuditState put(String field, Object value) {
    if (value instanceof BigDecimal d) {
      values.put(field, d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    } else if (value != null) {
      values.put(field, value.toString());
    }
    return this;
  }

  public Map<String, String> map() {
    return values;
  }
}
