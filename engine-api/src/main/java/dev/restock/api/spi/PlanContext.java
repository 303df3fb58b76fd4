package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Route-level facts a strategy or policy may use. New facts are added as new components in later
 * versions; plugins must not construct this type except in tests.
 *
 * @param visitIntervalDays days until the route's next visit, 1..60
 * @param date the day the pick list is computed for
 * @param salesWindowDays the window {@link SlotSnapshot#unitsSoldInWindow()} covers, 0 for none
 */
@Stable(since = "0.1")
public record PlanContext(UUID routeId, int visitIntervalDays, LocalDate date, int salesWindowDays) {}
