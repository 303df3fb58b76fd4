package dev.restock.api.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is acting, and from where and why. Every change made through a
 * {@link dev.restock.api.RestockSession} carries its actor into history.
 *
 * @param userId the acting user's id; {@link #SYSTEM_ID} for the built-in system actor
 * @param clientAddress optional client address (IP or host), may be null
 * @param userAgent optional user agent, may be null
 * @param reason optional free-text reason for the change, may be null
 */
public record Actor(UUID userId, String clientAddress, String userAgent, String reason) {
  /** Id of the built-in system actor, used for migrations and seeding only. */
  public static final UUID SYSTEM_ID = new UUID(0L, 0L);

  public Actor {
    Objects.requireNonNull(userId, "userId");
  }

  public static Actor user(UUID userId) {
    return new Actor(userId, null, null, null);
  }

  /** The built-in system actor. */
  public static Actor system() {
    return new Actor(SYSTEM_ID, null, null, null);
  }

  public boolean isSystem() {
    return SYSTEM_ID.equals(userId);
  }

  public Actor withClientAddress(String address) {
    return new Actor(userId, address, userAgent, reason);
  }

  public Actor withUserAgent(String agent) {
    return new Actor(userId, clientAddress, agent, reason);
  }

  public Actor withReason(String why) {
    return new Actor(userId, clientAddress, userAgent, why);
  }
}
