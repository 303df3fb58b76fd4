package dev.restock.jpa.audit;

import dev.restock.jpa.tx.UnitOfWork;
import org.hibernate.envers.RevisionListener;

/**
 * Fills each new revision from the unit of work running on this thread. Envers instantiates it
 * itself, so the context travels through {@link UnitOfWork}'s thread binding; a revision outside
 * a write unit of work is a bug and fails loudly rather than recording an anonymous change.
 */
public class RevisionStamper implements RevisionListener {
  @Override
  public void newRevision(Object revisionEntity) {
    ((RevisionEntity) revisionEntity).fill(UnitOfWork.requireWrite().context());
  }
}
