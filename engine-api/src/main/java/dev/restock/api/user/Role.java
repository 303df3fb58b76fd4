package dev.restock.api.user;

/** What a user may do (enforced by a later permission policy). */
public enum Role {
  ADMIN,
  MANAGER,
  DRIVER,
  VIEWER
}
