package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditContext;
import java.util.ArrayList;
import java.util.List;

/** One unit of work on one thread: its undo journal, its revision and its after-commit actions. */
final class Unit {
  final boolean readOnly;
  final AuditContext context;
  private final List<Runnable> undo = new ArrayList<>();
  final List<Runnable> afterCommit = new ArrayList<>();
  boolean rollbackOnly;
  /** The history revision of this unit, created by its first audited change. */
  MemoryHistory.Revision revision;

  Unit(boolean readOnly, AuditContext context) {
    this.readOnly = readOnly;
    this.context = context;
  }

  void onRollback(Runnable action) {
    undo.add(action);
  }

  /** Undoes every change of this unit, newest first. */
  void rollBack() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      undo.get(i).run();
    }
    undo.clear();
  }
}
