package dev.restock.jpa.serviceorder;

import dev.restock.api.stability.Internal;
import dev.restock.api.planogram.Positions;
import dev.restock.api.serviceorder.OrderLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * The lines of one visit as one audited document (issue 17): {@code order_line} holds the current
 * lines for queries and is not audited; this row holds all of a visit's lines in a canonical text,
 * so a revision that creates or completes a visit writes one history row for its lines instead of
 * one per line. Its id is the visit's id.
 *
 * <p>The document has one line per order line, ordered by slot row then column, each the fields
 * {@code id slotId position productId planned delivered} separated by single spaces, with
 * {@code -} for a delivered count not yet known. No field can contain a space or a newline
 * (UUIDs, position codes, integers), so the text needs no escaping.
 */
@Internal(since = "0.2")
@Entity
@Table(name = "service_visit_lines")
@Audited
public class VisitLinesEntity {
  /** Room for the largest cabinet (20 x 20 slots) with every field at its longest. */
  static final int MAX_LENGTH = 100_000;

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  private UUID id;

  @Column(name = "document", length = MAX_LENGTH, nullable = false)
  private String document;

  protected VisitLinesEntity() {}

  VisitLinesEntity(UUID visitId, List<OrderLine> lines) {
    this.id = visitId;
    this.document = render(lines);
  }

  UUID getId() {
    return id;
  }

  /** Replaces the document; true if it changed (an unchanged one writes no history). */
  boolean update(List<OrderLine> lines) {
    String next = render(lines);
    if (next.equals(document)) {
      return false;
    }
    document = next;
    return true;
  }

  /** The canonical text of a visit's lines. */
  public static String render(List<OrderLine> lines) {
    StringBuilder text = new StringBuilder(lines.size() * 128);
    for (OrderLine l : sorted(lines)) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(l.id()).append(' ').append(l.slotId()).append(' ').append(l.position())
          .append(' ').append(l.productId()).append(' ').append(l.planned()).append(' ')
          .append(l.delivered() == null ? "-" : l.delivered().toString());
    }
    return text.toString();
  }

  /** The lines of a document written by {@link #render}, in its order. */
  public static List<OrderLine> parse(String document) {
    List<OrderLine> lines = new ArrayList<>();
    if (document == null || document.isEmpty()) {
      return lines;
    }
    for (String line : document.split("\n")) {
      String[] f = line.split(" ");
      if (f.length != 6) {
        throw new IllegalStateException("a visit's lines document has a malformed line: '"
            + line + "'");
      }
      lines.add(new OrderLine(UUID.fromString(f[0]), UUID.fromString(f[1]), f[2],
          UUID.fromString(f[3]), Integer.parseInt(f[4]),
          f[5].equals("-") ? null : Integer.valueOf(f[5])));
    }
    return lines;
  }

  /**
   * Lines in slot order: row, then column. Each position is parsed once (a regular expression),
   * not at every comparison: orders sort thousands of lines.
   */
  static List<OrderLine> sorted(List<OrderLine> lines) {
    record Keyed(int key, OrderLine line) {}
    List<Keyed> keyed = new ArrayList<>(lines.size());
    for (OrderLine l : lines) {
      keyed.add(new Keyed(Positions.row(l.position()) * 100 + Positions.column(l.position()), l));
    }
    keyed.sort(Comparator.comparingInt(Keyed::key));
    List<OrderLine> sorted = new ArrayList<>(keyed.size());
    keyed.forEach(k -> sorted.add(k.line()));
    return List.copyOf(sorted);
  }
}
