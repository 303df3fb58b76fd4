package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Location;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.repository.ReservedPrefix;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

@Entity
@Table(name = "location")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class LocationEntity extends BaseEntity implements dev.restock.jpa.crypto.PlainPersonalValues {
  static final String TABLE = "location";

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  /** Plain, or sealed under the store's data key when the store has keys ({@link FieldCrypto}). */
  @Column(name = "address", length = 2800)
  private String address;

  /** The equality index of the address; never audited, so it never lands in history. */
  @NotAudited
  @Column(name = "address_hmac", length = 64)
  private String addressHmac;

  protected LocationEntity() {}

  public LocationEntity(Location l, FieldCrypto crypto) {
    this.id = l.id();
    copy(l, crypto);
  }

  public void copy(Location l, FieldCrypto crypto) {
    ReservedPrefix.refuse("address", l.address());
    name = l.name();
    address = crypto.seal(TABLE, "address", FieldCrypto.STORE, l.address(), address);
    addressHmac = crypto.index(TABLE, "address", l.address());
  }

  @Override
  public int sealPlain(FieldCrypto crypto) {
    if (address == null || FieldCrypto.isSealed(address)) {
      return 0;
    }
    String plain = address;
    address = crypto.seal(TABLE, "address", FieldCrypto.STORE, plain, null);
    addressHmac = crypto.index(TABLE, "address", plain);
    return 1;
  }

  public Location toDomain(Instant deletedAt, FieldCrypto crypto) {
    return new Location(id, name, crypto.open(TABLE, "address", id, address), version, stamp(),
        deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("name", name).put("address", address).map();
  }
}
