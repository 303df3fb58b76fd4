package dev.restock.web.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as the operations pages show them ({@code yyyy-MM-dd HH:mm UTC}), for templates as
 * {@code ${@opsTime.format(instant)}}.
 */
@Component("opsTime")
public class OpsTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** {@code at} formatted, or an empty string for null. */
  public String format(Instant at) {
    return at == null ? "" : FORMAT.format(at);
  }

  /** The current time, formatted. */
  public String now() {
    return FORMAT.format(Instant.now());
  }
}
