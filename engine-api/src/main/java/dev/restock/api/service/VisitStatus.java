package dev.restock.api.service;

/** A visit is PENDING until it is COMPLETED or SKIPPED, once. */
public enum VisitStatus {
  PENDING,
  COMPLETED,
  SKIPPED
}
