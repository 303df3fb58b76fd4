package dev.restock.jpa.audit;

import dev.restock.jpa.tx.UnitOfWork;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.envers.EntityTrackingRevisionListener;
import org.hibernate.envers.RevisionType;

/**
 * Fills each new revision from the unit of work running on this thread, notes which audit tables
 * the revision writes, and has the revision sealed into the hash chain at commit. Envers
 * instantiates it itself, so the context travels through {@link UnitOfWork}'s thread binding; a
 * revision outside a write unit of work is a bug and fails loudly rather than recording an
 * anonymous change.
 */
public class RevisionStamper implements EntityTrackingRevisionListener {
  /** Key of the unit-of-work attribute holding the revision being written. */
  static final Object WRITING = new Object();

  /** What one unit of work's revision wrote, for sealing at commit. */
  static final class Writing {
    RevisionEntity revision;
    final Set<String> tables = new TreeSet<>();
  }

  @Override
  public void newRevision(Object revisionEntity) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    RevisionEntity revision = (RevisionEntity) revisionEntity;
    revision.fill(unit.context());
    Writing writing = unit.attribute(WRITING, Writing::new);
    writing.revision = revision;
    unit.beforeCommit(() -> HashChain.seal(unit.session(), writing.revision, writing.tables));
  }

  @Override
  public void entityChanged(Class entityClass, String entityName, Object entityId,
      RevisionType revisionType, Object revisionEntity) {
    Table table = (Table) entityClass.getAnnotation(Table.class);
    if (table == null) {
      throw new IllegalStateException("audited entity " + entityName + " has no @Table name");
    }
    UnitOfWork.requireWrite().<Writing>attribute(WRITING, Writing::new).tables
        .add(table.name() + "_aud");
  }
}
