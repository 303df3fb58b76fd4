package dev.restock.api.spi;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Route-level facts a strategy may use. New facts are added as new components in later versions;
 * strategies must not construct this type.
 *
 * @param visitIntervalDays days until the route's next visit, 1..60
 * @param date the day the pick list is computed for
 */
public record PlanContext(UUID routeId, int visitIntervalDays, LocalDate date) {}
