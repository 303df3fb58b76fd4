package dev.restock.tck.engine;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.plugin.tck.AuditSinkContract;
import dev.restock.plugin.tck.AuditSinkContract.Received;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sinks for {@link AuditSinkContractCatchesFaultySinksTest}, each with the contract attached. Not
 * named as tests, so the build runs them only through that test.
 */
final class FaultySinks {
  private FaultySinks() {}

  /** Keeps what it is given in memory; correct. */
  public static class Correct extends AuditSinkContract {
    final List<Received> got = Collections.synchronizedList(new ArrayList<>());

    @Override protected AuditSink createSink() {
      got.clear();
      return new Memory("correct", got, false, false);
    }

    @Override protected List<Received> received() {
      return List.copyOf(got);
    }
  }

  /** Shows what it got only when closed, never at flush. */
  public static class WritesOnlyAtClose extends AuditSinkContract {
    final List<Received> got = Collections.synchronizedList(new ArrayList<>());

    @Override protected AuditSink createSink() {
      got.clear();
      return new Memory("at-close", got, true, false);
    }

    @Override protected List<Received> received() {
      return List.copyOf(got);
    }
  }

  /** Writes revision 0 whatever the event says. */
  public static class DropsTheRevision extends AuditSinkContract {
    final List<Received> got = Collections.synchronizedList(new ArrayList<>());

    @Override protected AuditSink createSink() {
      got.clear();
      return new Memory("no-revision", got, false, true);
    }

    @Override protected List<Received> received() {
      return List.copyOf(got);
    }
  }

  private static final class Memory implements AuditSink {
    private final String id;
    private final List<Received> out;
    private final boolean onlyAtClose;
    private final boolean dropRevision;
    private final List<Received> buffer = new ArrayList<>();

    Memory(String id, List<Received> out, boolean onlyAtClose, boolean dropRevision) {
      this.id = id;
      this.out = out;
      this.onlyAtClose = onlyAtClose;
      this.dropRevision = dropRevision;
    }

    @Override public String id() {
      return id;
    }

    @Override public synchronized void accept(AuditEvent event) {
      buffer.add(new Received(dropRevision ? 0 : event.revision(), event.action(),
          event.resourceId()));
    }

    @Override public synchronized void flush() {
      if (!onlyAtClose) {
        out.addAll(buffer);
        buffer.clear();
      }
    }

    @Override public synchronized void close() {
      out.addAll(buffer);
      buffer.clear();
    }
  }

}
