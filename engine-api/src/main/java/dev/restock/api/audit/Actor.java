package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting, and from where and why. Every change made through a
 * {@link dev.restock.api.RestockSession} carries its actor into history.
 *
 * @param userId the acting user's id; {@link #SYSTEM_ID} for the built-in system actor
 * @param clientAddress optional client address (IP or host), may be null
 * @param userAgent optional user agent, may be null
 * @param reason optional free-text reason for the change, may be null
 * @param correlationId optional id the host sets to tie the units of work of one request or job
 *     together in history, may be null
 */
@Stable(since = "0.1")
public record Actor(
    UUID userId, @Nullable String clientAddress, @Nullable String userAgent, @Nullable String reason, @Nullable String correlationId) {
  /** The longest reason history holds, in characters; a longer one is refused by the engine. */
  public static final int MAX_REASON = 500;
  /** The longest user agent history holds, in characters; hosts should cut longer ones. */
  public static final int MAX_USER_AGENT = 500;
  /** The longest client address history holds, in characters. */
  public static final int MAX_CLIENT_ADDRESS = 100;
  /** The longest correlation id history holds, in characters. */
  public static final int MAX_CORRELATION_ID = 100;

  /** Id of the built-in system actor, used for migrations and seeding only. */
  public static final UUID SYSTEM_ID = new UUID(0L, 0L);

  public Actor {
    Objects.requireNonNull(userId, "userId");
  }

  /** An actor without a correlation id. */
  public Actor(UUID userId, String clientAddress, String userAgent, String reason) {
    this(userId, clientAddress, userAgent, reason, null);
  }

  public static Actor user(UUID userId) {
    return new Actor(userId, null, null, null, null);
  }

  /** The built-in system actor. */
  public static Actor system() {
    return new Actor(SYSTEM_ID, null, null, null, null);
  }

  public boolean isSystem() {
    return SYSTEM_ID.equals(userId);
  }

  public Actor withClientAddress(String address) {
    return new Actor(userId, address, userAgent, reason, correlationId);
  }

  public Actor withUserAgent(String agent) {
    return new Actor(userId, clientAddress, agent, reason, correlationId);
  }

  public Actor withReason(String why) {
    return new Actor(userId, clientAddress, userAgent, why, correlationId);
  }

  /** This actor with a correlation id recorded on every revision and audit event it causes. */
  public Actor withCorrelationId(String id) {
    return new Actor(userId, clientAddress, userAgent, reason, id);
  }
}
