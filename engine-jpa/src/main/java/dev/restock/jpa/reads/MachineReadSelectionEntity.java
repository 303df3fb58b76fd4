package dev.restock.jpa.reads;

import dev.restock.api.reads.SelectionCounter;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The counters of one selection of a machine read, keyed by the read and the selection's place
 * in it. Written with its read, never changed.
 */
@Entity
@Immutable
@Table(name = "machine_read_selection")
public class MachineReadSelectionEntity {
  /** The read and the selection's 0-based place in it. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "read_id", length = 36, nullable = false)
    private UUID readId;

    @Column(name = "ordinal", nullable = false)
    private int ordinal;

    protected Key() {}

    Key(UUID readId, int ordinal) {
      this.readId = readId;
      this.ordinal = ordinal;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.readId.equals(readId) && k.ordinal == ordinal;
    }

    @Override
    public int hashCode() {
      return Objects.hash(readId, ordinal);
    }
  }

  @EmbeddedId
  private Key key;

  @Column(name = "selection", length = 64, nullable = false)
  private String selection;

  @Column(name = "price", precision = 12, scale = 2)
  private BigDecimal price;

  @Column(name = "vends", nullable = false)
  private long vends;

  @Column(name = "vend_value", precision = 12, scale = 2)
  private BigDecimal value;

  @Column(name = "source_line", nullable = false)
  private int line;

  protected MachineReadSelectionEntity() {}

  /** @param s a selection whose amounts are already at two decimal places */
  MachineReadSelectionEntity(UUID readId, int ordinal, SelectionCounter s) {
    key = new Key(readId, ordinal);
    selection = s.selection();
    price = s.price();
    vends = s.vends();
    value = s.value();
    line = s.line();
  }

  UUID readId() {
    return key.readId;
  }

  SelectionCounter toDomain() {
    return new SelectionCounter(selection, Money.cents(price), vends, Money.cents(value), line);
  }
}
