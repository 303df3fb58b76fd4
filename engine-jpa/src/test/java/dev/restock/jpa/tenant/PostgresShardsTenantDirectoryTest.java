package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.jpa.backup.Backups;
import dev.restock.plugin.tck.StoreFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenants on two PostgreSQL databases (shards {@code one} and {@code two}, made for each test and
 * dropped after), the catalogue on {@code one}: the directory contract, and moving a tenant with
 * its products, history and audit events from one shard to the other.
 */
class PostgresShardsTenantDirectoryTest extends TenantDirectoryContract {
  private String databaseOne;
  private String databaseTwo;
  private String urlOne;
  private String urlTwo;

  @Override
  void prepare() throws Exception {
    Sql.requirePostgres();
    String token = Sql.token();
    databaseOne = "restock_shard_" + token + "_1";
    urlOne = Sql.createDatabase(databaseOne);
    databaseTwo = "restock_shard_" + token + "_2";
    urlTwo = Sql.createDatabase(databaseTwo);
  }

  private Map<String, ShardLocation> shards() {
    return Map.of("one", new ShardLocation(urlOne, Sql.POSTGRES_USER, ""),
        "two", new ShardLocation(urlTwo, Sql.POSTGRES_USER, ""));
  }

  @Override
  TenantDirectory newDirectory() {
    return JpaTenants.postgresShards(shards(), "one");
  }

  @Override
  String placement() {
    return "one";
  }

  @Override
  boolean storageExists(String id) throws Exception {
    return Sql.schemaExists(urlOne, "tenant_" + id);
  }

  @Override
  void occupyStorage(String id) throws Exception {
    Sql.execute(urlOne, Sql.POSTGRES_USER, "", "create schema tenant_" + id);
  }

  @Override
  void removeStorage(String id) throws Exception {
    Sql.execute(urlOne, Sql.POSTGRES_USER, "", "drop schema tenant_" + id + " cascade");
  }

  @Override
  long catalogueRows(String table) throws Exception {
    return Sql.count(urlOne, Sql.POSTGRES_USER, "", "restock_tenants." + table);
  }

  @Override
  void cleanUp() throws Exception {
    if (databaseOne != null) {
      Sql.dropDatabase(databaseOne);
    }
    if (databaseTwo != null) {
      Sql.dropDatabase(databaseTwo);
    }
  }

  @Test
  @Override
  void aSinglePlaceDirectoryCannotCopy() {
    assertThat(directory.placements()).containsExactlyInAnyOrder("one", "two");
    assertThat(directory.defaultPlacement()).isEqualTo("one");
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
    assertThatThrownBy(() -> directory.copy(acme, "one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> directory.copy(acme, "three"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("three");
  }

  /** What a tenant's store holds, as the tests compare it before and after a copy. */
  private record Content(List<Product> products, List<EntityRevision> colaHistory,
      List<EntityRevision> teaHistory, List<AuditEvent> audit, ChainHead head,
      ChainVerification chain) {}

  private static Content content(Store store, UUID cola, UUID tea) {
    return read(store, () -> new Content(
        store.products().findAllById(List.of(cola, tea)).stream()
            .sorted(Comparator.comparing(Product::sku)).toList(),
        store.history().revisions(AuditedType.PRODUCT, cola),
        store.history().revisions(AuditedType.PRODUCT, tea),
        store.auditLog().events(null, null, null, Instant.EPOCH),
        store.history().chainHead(),
        store.history().verifyChain()));
  }

  @Test
  void movesATenantWithItsHistoryToTheOtherShard() throws Exception {
    assertThat(Backups.postgresToolsInstalled()).as("pg_dump and pg_restore on the path")
        .isTrue();
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
    Tenant bravo = directory.add(new NewTenant("bravo", "Bravo"), "one", AT, ADMIN);
    UUID cola;
    UUID tea;
    Content before;
    try (Store store = directory.store(acme).open()) {
      cola = write(store, () -> store.products().add(StoreFixture.product("COLA", "Cola",
          "1.50"))).id();
      tea = write(store, () -> store.products().add(StoreFixture.product("TEA", "Tea",
          "2.00"))).id();
      write(store, () -> {
        store.products().softDelete(tea);
        return store.auditLog().accept(new AuditEvent(0, AT, Actor.SYSTEM_ID, "product.delete",
            "product", tea, Map.of("reason", "discontinued"), null, null, "c-1"));
      });
      before = content(store, cola, tea);
    }
    try (Store store = directory.store(bravo).open()) {
      write(store, () -> store.products().add(StoreFixture.product("BRAVO", "Bravo", "1.00")));
    }
    assertThat(before.teaHistory()).hasSize(2);
    assertThat(before.audit()).hasSize(1);
    assertThat(before.chain().intact()).isTrue();

    directory.copy(acme, "two");
    // a second copy replaces the first one's schema at the target, as after a failed move
    directory.copy(acme, "two");

    assertThat(directory.find("acme").orElseThrow().placement())
        .as("copying does not switch the placement").isEqualTo("one");
    try (Store copy = directory.storeAt(acme, "two").open()) {
      Content after = content(copy, cola, tea);
      assertThat(after.products()).isEqualTo(before.products());
      assertThat(after.colaHistory()).isEqualTo(before.colaHistory());
      assertThat(after.teaHistory()).isEqualTo(before.teaHistory());
      assertThat(after.audit()).isEqualTo(before.audit());
      assertThat(after.head()).isEqualTo(before.head());
      assertThat(after.chain().intact()).isTrue();
      assertThat(after.chain().checked()).isEqualTo(before.chain().checked()).isPositive();
    }
    assertThat(Sql.schemaExists(urlTwo, "tenant_bravo")).as("only acme was copied").isFalse();

    Tenant placed = directory.place("acme", "two");

    assertThat(placed.placement()).isEqualTo("two");
    assertThat(open().find("acme").orElseThrow().placement()).isEqualTo("two");
    assertThat(Sql.schemaExists(urlOne, "tenant_acme")).as("old schema renamed").isFalse();
    assertThat(schemasLike(urlOne, "tenant_acme_moved_%")).hasSize(1);
    // the stale record (placement one) still opens the store where the catalogue says
    try (Store store = directory.store(acme).open()) {
      write(store, () -> store.products().add(StoreFixture.product("NEW", "New", "3.00")));
      assertThat(read(store, () -> store.products().findBySku("COLA"))).isPresent();
    }
    assertThat(Sql.count(urlTwo, Sql.POSTGRES_USER, "", "tenant_acme.product")).isEqualTo(3);
    assertThat(Sql.count(urlOne, Sql.POSTGRES_USER, "", schemasLike(urlOne,
        "tenant_acme_moved_%").get(0) + ".product")).as("nothing lands on the old shard")
        .isEqualTo(2);
    try (Store store = directory.store(bravo).open()) {
      assertThat(read(store, () -> store.products().findBySku("BRAVO"))).isPresent();
      assertThat(read(store, () -> store.products().findBySku("NEW"))).isEmpty();
    }
  }

  @Test
  void aFailedCopyLeavesThePlacementUnchanged() throws Exception {
    Map<String, ShardLocation> withDown = new java.util.HashMap<>(shards());
    withDown.put("down", new ShardLocation("jdbc:postgresql://127.0.0.1:1/nowhere",
        Sql.POSTGRES_USER, ""));
    TenantDirectory three = JpaTenants.postgresShards(withDown, "one");
    try {
      Tenant acme = three.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
      try (Store store = three.store(acme).open()) {
        write(store, () -> store.products().add(StoreFixture.product("COLA", "Cola", "1.50")));
      }

      assertThatThrownBy(() -> three.copy(acme, "down"))
          .isInstanceOf(TenantDirectoryException.class).hasMessageContaining("down");

      assertThat(three.find("acme").orElseThrow().placement()).isEqualTo("one");
      assertThat(directory.find("acme").orElseThrow().placement()).isEqualTo("one");
      assertThat(Sql.schemaExists(urlOne, "tenant_acme")).isTrue();
      try (Store store = three.store(acme).open()) {
        assertThat(read(store, () -> store.products().findBySku("COLA"))).isPresent();
      }
    } finally {
      three.close();
    }
  }

  @Test
  void twoShardNamesForOneDatabaseAreRefusedNamingBoth() throws Exception {
    // another spelling of the same database: the URLs differ, the database does not
    String alias = urlOne.replace("127.0.0.1", "localhost");
    assertThat(alias).isNotEqualTo(urlOne);
    Map<String, ShardLocation> twice = Map.of(
        "one", new ShardLocation(urlOne, Sql.POSTGRES_USER, ""),
        "two", new ShardLocation(urlTwo, Sql.POSTGRES_USER, ""),
        "again", new ShardLocation(alias, Sql.POSTGRES_USER, ""));

    assertThatThrownBy(() -> JpaTenants.postgresShards(twice, "one").close())
        .isInstanceOf(TenantDirectoryException.class)
        .hasMessageContaining("again").hasMessageContaining("one")
        .hasMessageContaining(databaseOne).hasMessageNotContaining("two ");
  }

  @Test
  void openingAMovedAwayTenantOnItsOldShardFailsAndMakesNoEmptySchema() throws Exception {
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
    try (Store store = directory.store(acme).open()) {
      write(store, () -> store.products().add(StoreFixture.product("COLA", "Cola", "1.50")));
    }
    // the tenant is recorded on two, but its data never got there (no copy): opening must not
    // make an empty schema on two and serve an empty tenant
    directory.place("acme", "two");

    assertThatThrownBy(() -> directory.store(acme).open().close())
        .isInstanceOf(TenantDirectoryException.class)
        .hasMessageContaining("storage of tenant acme is missing at placement two");
    assertThat(Sql.schemaExists(urlTwo, "tenant_acme")).isFalse();
  }

  @Test
  void aRetiredTenantIsNotPlacedElsewhere() throws Exception {
    directory.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
    directory.retire("acme", AT.plusSeconds(1), ADMIN);

    assertThatThrownBy(() -> directory.place("acme", "two"))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("acme");

    assertThat(directory.find("acme").orElseThrow().placement()).isEqualTo("one");
    assertThat(Sql.schemaExists(urlOne, "tenant_acme")).as("not renamed").isTrue();
    assertThatThrownBy(() -> directory.place("nobody", "two"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void twoMovesOffOneShardWithinOneMillisecondKeepBothOldSchemas() throws Exception {
    TenantDirectory fixed = JpaTenants.postgresShards(shards(), "one",
        Clock.fixed(AT, ZoneOffset.UTC));
    try {
      fixed.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
      fixed.place("acme", "two");
      fixed.place("acme", "one");
      // standing for a copy back onto one
      Sql.execute(urlOne, Sql.POSTGRES_USER, "", "create schema tenant_acme");
      fixed.place("acme", "two");

      assertThat(schemasLike(urlOne, "tenant_acme_moved_%")).hasSize(2)
          .allSatisfy(name -> assertThat(name).startsWith("tenant_acme_moved_20261205101530123"));
      assertThat(Sql.schemaExists(urlOne, "tenant_acme")).isFalse();
      assertThat(fixed.events()).extracting(TenantEvent::action)
          .doesNotContain(JpaTenantDirectory.MOVE_CLEANUP_FAILED);
    } finally {
      fixed.close();
    }
  }

  @Test
  void aFailedRenameAfterTheSwitchIsRecordedAndTheMoveStands() throws Exception {
    directory.add(new NewTenant("acme", "Acme"), "one", AT, ADMIN);
    // a fault on shard one: every ALTER SCHEMA there is refused
    Sql.execute(urlOne, Sql.POSTGRES_USER, "", "create function refuse_alter() returns "
        + "event_trigger language plpgsql as $$ begin raise exception 'no renames here'; end $$");
    Sql.execute(urlOne, Sql.POSTGRES_USER, "", "create event trigger refuse_alter on "
        + "ddl_command_start when tag in ('ALTER SCHEMA') execute function refuse_alter()");

    Tenant placed = directory.place("acme", "two");

    assertThat(placed.placement()).isEqualTo("two");
    assertThat(open().find("acme").orElseThrow().placement()).isEqualTo("two");
    assertThat(Sql.schemaExists(urlOne, "tenant_acme")).as("the rename failed").isTrue();
    assertThat(directory.events()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("tenant.move-cleanup-failed");
      assertThat(e.tenantId()).isEqualTo("acme");
      assertThat(e.detail()).contains("tenant_acme").contains("no renames here");
    });
  }

  private static List<String> schemasLike(String url, String pattern) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, Sql.POSTGRES_USER, "");
        PreparedStatement p = c.prepareStatement(
            "select nspname from pg_namespace where nspname like ? order by nspname")) {
      p.setString(1, pattern);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
    }
    return names;
  }
}
