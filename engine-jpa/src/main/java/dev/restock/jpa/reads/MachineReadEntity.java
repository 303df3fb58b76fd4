package dev.restock.jpa.reads;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One machine read, append-only like a sale: not audited (it is itself the record of an event),
 * never changed, never deleted. The surrogate sequence keeps the append order, which decides
 * between reads of the same time. Its selections are {@link MachineReadSelectionEntity} rows,
 * loaded by {@link JpaMachineReads} for many reads at once.
 */
@Entity
@Immutable
@Table(name = "machine_read")
public class MachineReadEntity {
  // Numbered by the database in insert order (see SaleEntity); never read back, so that an
  // import's reads are inserted in JDBC batches rather than one identity insert at a time.
  @Column(name = "seq", columnDefinition = "integer", insertable = false, updatable = false)
  private Long seq;

  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, unique = true)
  private UUID id;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "device_id", length = 36, nullable = false)
  private UUID deviceId;

  @Column(name = "machine_serial", length = 64, nullable = false)
  private String machineSerial;

  @Column(name = "content_hash", length = 64, nullable = false)
  private String contentHash;

  @Column(name = "source_name", length = 1000, nullable = false)
  private String sourceName;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  @Column(name = "cash_sales", precision = 12, scale = 2)
  private BigDecimal cashSales;

  @Column(name = "cash_vends")
  private Long cashVends;

  @Column(name = "cash_in", precision = 12, scale = 2)
  private BigDecimal cashIn;

  @Column(name = "cash_out", precision = 12, scale = 2)
  private BigDecimal cashOut;

  @Column(name = "tube_contents", precision = 12, scale = 2)
  private BigDecimal tubeContents;

  @Column(name = "cashless_sales", precision = 12, scale = 2)
  private BigDecimal cashlessSales;

  @Column(name = "cashless_vends")
  private Long cashlessVends;

  @Column(name = "total_sales", precision = 12, scale = 2)
  private BigDecimal totalSales;

  @Column(name = "total_vends")
  private Long totalVends;

  @Column(name = "baseline", nullable = false)
  private boolean baseline;

  @Column(name = "units_vended", nullable = false)
  private int unitsVended;

  @Column(name = "vend_value", precision = 12, scale = 2, nullable = false)
  private BigDecimal vendValue;

  @Column(name = "cash_delta", precision = 12, scale = 2)
  private BigDecimal cashDelta;

  @Column(name = "cashless_delta", precision = 12, scale = 2)
  private BigDecimal cashlessDelta;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "imported_by", length = 36, nullable = false)
  private UUID importedBy;

  protected MachineReadEntity() {}

  /** @param r a read whose amounts are already at two decimal places */
  MachineReadEntity(StoredRead r) {
    id = r.id();
    deviceId = r.deviceId();
    machineSerial = r.machineSerial();
    contentHash = r.contentHash();
    sourceName = r.sourceName();
    readAt = r.readAt();
    CashCounters c = r.cash();
    cashSales = c.cashSales();
    cashVends = c.cashVends();
    cashIn = c.cashIn();
    cashOut = c.cashOut();
    tubeContents = c.tubeContents();
    cashlessSales = c.cashlessSales();
    cashlessVends = c.cashlessVends();
    totalSales = c.totalSales();
    totalVends = c.totalVends();
    baseline = r.baseline();
    unitsVended = r.unitsVended();
    vendValue = r.vendValue();
    cashDelta = r.cashDelta();
    cashlessDelta = r.cashlessDelta();
    importedAt = r.importedAt();
    importedBy = r.importedBy();
  }

  UUID id() {
    return id;
  }

  /** The read with {@code selections}, its own in ordinal order. */
  StoredRead toDomain(List<SelectionCounter> selections) {
    return new StoredRead(id, deviceId, machineSerial, contentHash, sourceName, readAt,
        selections, new CashCounters(Money.cents(cashSales), cashVends, Money.cents(cashIn),
            Money.cents(cashOut), Money.cents(tubeContents), Money.cents(cashlessSales),
            cashlessVends, Money.cents(totalSales), totalVends),
        baseline, unitsVended, Money.cents(vendValue), Money.cents(cashDelta),
        Money.cents(cashlessDelta), importedAt, importedBy);
  }
}
