package dev.restock.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.audit.RevisionKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistoryDiffTest {
  private static EntityRevision rev(long n, RevisionKind kind, Map<String, String> state) {
    return new EntityRevision(new RevisionInfo(n, Instant.EPOCH, UUID.randomUUID(), "a", null,
        null, null, null), kind, state);
  }

  @Test
  void eachRevisionListsOnlyTheFieldsItChanged() {
    List<HistoryEntry> entries = HistoryService.diff(List.of(
        rev(1, RevisionKind.CREATED, Map.of("sku", "A", "price", "1.00")),
        rev(2, RevisionKind.MODIFIED, Map.of("sku", "A", "price", "1.20")),
        rev(3, RevisionKind.DELETED, Map.of("sku", "A", "price", "1.20")),
        rev(4, RevisionKind.MODIFIED, Map.of("sku", "A", "price", "1.20", "category", "X"))));
    assertThat(entries.get(0).changes()).containsExactly(
        new FieldChange("price", null, "1.00"), new FieldChange("sku", null, "A"));
    assertThat(entries.get(1).changes()).containsExactly(new FieldChange("price", "1.00", "1.20"));
    assertThat(entries.get(2).changes()).isEmpty();
    assertThat(entries.get(3).changes()).containsExactly(new FieldChange("category", null, "X"));
  }
}
