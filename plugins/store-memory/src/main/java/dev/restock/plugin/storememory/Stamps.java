package dev.restock.plugin.storememory;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.ConflictException;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;

/** Audit stamps and optimistic versions, as every stored aggregate keeps them. */
final class Stamps {
  private Stamps() {}

  static AuditStamp created(Actor actor, Instant now) {
    return new AuditStamp(now, actor.userId(), now, actor.userId());
  }

  static AuditStamp updated(AuditStamp current, Actor actor, Instant now) {
    return new AuditStamp(current.createdAt(), current.createdBy(), now, actor.userId());
  }

  /** Refuses a change based on a version other than the stored one. */
  static void checkVersion(String what, Object key, long given, long stored) {
    if (given != stored) {
      throw new ConflictException(what + " " + key + " was changed by someone else (version "
          + given + ", now " + stored + "); read it again and retry");
    }
  }
}
