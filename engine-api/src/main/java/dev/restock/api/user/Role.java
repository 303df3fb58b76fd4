package dev.restock.api.user;

import dev.restock.api.stability.Stable;
/** What a user may do (enforced by a later permission policy). */
@Stable(since = "0.1")
public enum Role {
  ADMIN,
  MANAGER,
  DRIVER,
  VIEWER
}
