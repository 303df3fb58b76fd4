package dev.restock.core.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.core.plugin.Registry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditSinksTest {
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** Records its calls as "id:call"; fails the calls named in {@code failing}. */
  private AuditSink sink(String id, String... failing) {
    List<String> fails = List.of(failing);
    return new AuditSink() {
      @Override public String id() {
        return id;
      }

      private void call(String what) {
        calls.add(id + ":" + what);
        if (fails.contains(what)) {
          throw new IllegalStateException(id + " cannot " + what);
        }
      }

      @Override public void open() {
        call("open");
      }

      @Override public void accept(AuditEvent event) {
        call("accept");
      }

      @Override public void flush() {
        call("flush");
      }

      @Override public void close() {
        call("close");
      }
    };
  }

  private static AuditSinks of(AuditSink... sinks) {
    return new AuditSinks(new Registry<>("audit sink", "auditSink", List.of(sinks),
        AuditSink::id));
  }

  private static AuditEvent event(long revision) {
    return new AuditEvent(revision, Instant.EPOCH, Actor.SYSTEM_ID, "product.create", "product",
        UUID.randomUUID(), Map.of(), null, null, null);
  }

  @Test
  void sinksOpenInOrderGetEachBatchThenAFlushAndCloseInReverse() {
    AuditSinks sinks = of(sink("a"), sink("b"));
    sinks.open();
    sinks.publish(List.of(event(1), event(1)));
    sinks.close();
    assertThat(calls).containsExactly("a:open", "b:open", "a:accept", "a:accept", "a:flush",
        "b:accept", "b:accept", "b:flush", "b:close", "a:close");
  }

  @Test
  void aSinkThatCannotOpenFailsNamingItAndTheSinksOpenedBeforeAreClosed() {
    AuditSinks sinks = of(sink("a"), sink("b", "open"), sink("c"));
    assertThatThrownBy(sinks::open).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit sink 'b'").hasMessageContaining("b cannot open");
    assertThat(calls).containsExactly("a:open", "b:open", "a:close");
    sinks.publish(List.of(event(1)));
    sinks.close();
    assertThat(calls).containsExactly("a:open", "b:open", "a:close");
  }

  @Test
  void failuresToAcceptOrFlushAreCountedPerSinkAndTheOthersStillFed() {
    AuditSinks sinks = of(sink("bad", "accept", "flush"), sink("good"));
    sinks.open();
    sinks.publish(List.of(event(3), event(3)));
    assertThat(sinks.failures()).containsEntry("bad", 3L).containsEntry("good", 0L);
    assertThat(calls).containsSubsequence("good:accept", "good:accept", "good:flush");
  }

  @Test
  void aSinkFailingToCloseDoesNotKeepTheOthersOpenAndNothingIsPublishedAfterClose() {
    AuditSinks sinks = of(sink("a"), sink("b", "close"), sink("c"));
    sinks.open();
    sinks.close();
    sinks.close();
    sinks.publish(List.of(event(4)));
    assertThat(calls).containsExactly("a:open", "b:open", "c:open", "c:close", "b:close",
        "a:close");
  }
}
