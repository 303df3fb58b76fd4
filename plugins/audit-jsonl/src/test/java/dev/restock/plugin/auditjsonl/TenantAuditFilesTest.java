package dev.restock.plugin.auditjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.spi.PluginSettingException;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.storememory.MemoryStore;
import dev.restock.plugin.storememory.MemoryTenantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON lines sink in a multi-tenant engine: a new instance for each tenant's engine from the
 * factory, each writing to the file its {@code {tenant}} setting names; an instance shared by
 * every tenant is refused at build.
 */
class TenantAuditFilesTest {
  @TempDir Path dir;

  private Restock tenantEngine() {
    return RestockEngine.builder().tenants(new MemoryTenantDirectory())
        .pluginFactory(JsonLinesAuditSinkPlugin::new)
        .pluginProperty("audit-jsonl.file", dir.resolve("{tenant}.jsonl").toString())
        .environment(java.util.Map.of())
        .build();
  }

  private static RestockSession admin(Restock engine, String tenant) {
    engine.tenants().add(Actor.system().withReason("test"),
        new NewTenant(tenant, "Tenant " + tenant));
    Restock t = engine.tenant(tenant);
    User admin = t.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@" + tenant + ".example", Role.ADMIN));
    return t.as(Actor.user(admin.id()).withReason("audit per tenant"));
  }

  @Test
  void eachTenantsEventsGoToItsOwnFileNamedByTheTenantSetting() throws Exception {
    String onlyA;
    String onlyB;
    String alsoA;
    try (Restock engine = tenantEngine()) {
      RestockSession a = admin(engine, "a");
      RestockSession b = admin(engine, "b");
      onlyA = a.products().create(new CreateProduct("ONLY-A", "A's", null, BigDecimal.ONE, 1))
          .id().toString();
      onlyB = b.products().create(new CreateProduct("ONLY-B", "B's", null, BigDecimal.ONE, 1))
          .id().toString();
      alsoA = a.products().create(new CreateProduct("ALSO-A", "A's", null, BigDecimal.ONE, 1))
          .id().toString();
    }
    assertThat(String.join("\n", Files.readAllLines(dir.resolve("a.jsonl"))))
        .contains(onlyA, alsoA).doesNotContain(onlyB);
    assertThat(String.join("\n", Files.readAllLines(dir.resolve("b.jsonl"))))
        .contains(onlyB).doesNotContain(onlyA, alsoA);
    assertThat(dir.resolve("{tenant}.jsonl")).doesNotExist();
  }

  @Test
  void retiringOneTenantLeavesTheOtherTenantsSinkWriting() throws Exception {
    try (Restock engine = tenantEngine()) {
      RestockSession a = admin(engine, "a");
      RestockSession b = admin(engine, "b");
      engine.tenants().retire(Actor.system(), "a", "contract ended");
      String after = b.products()
          .create(new CreateProduct("AFTER-RETIRE", "B's", null, BigDecimal.ONE, 1)).id()
          .toString();
      assertThat(engine.tenant("b").auditSinkFailures()).containsEntry("audit-jsonl", 0L);
      assertThat(String.join("\n", Files.readAllLines(dir.resolve("b.jsonl"))))
          .contains(after);
      assertThat(a).isNotNull();
    }
  }

  @Test
  void aPluginInstanceWithTenantsIsRefusedNamingTheFactory() {
    assertThatThrownBy(() -> RestockEngine.builder().tenants(new MemoryTenantDirectory())
        .plugin(new JsonLinesAuditSinkPlugin(dir.resolve("shared.jsonl"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plugin(..) instances with tenants(..)")
        .hasMessageContaining("pluginFactory")
        .hasMessageContaining(JsonLinesAuditSinkPlugin.class.getName());
    assertThat(dir.resolve("shared.jsonl")).doesNotExist();
  }

  @Test
  void aTenantSettingInASingleStoreEngineIsRefusedAtBuild() {
    assertThatThrownBy(() -> RestockEngine.builder().store(MemoryStore.factory())
        .pluginFactory(JsonLinesAuditSinkPlugin::new)
        .pluginProperty("audit-jsonl.file", dir.resolve("{tenant}.jsonl").toString())
        .environment(java.util.Map.of())
        .build())
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("audit-jsonl.file").hasMessageContaining("{tenant}");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withoutAFileSettingTheFactoryMadeSinkFailsTheBuildNamingTheSetting() {
    assertThatThrownBy(() -> RestockEngine.builder().store(MemoryStore.factory())
        .pluginFactory(JsonLinesAuditSinkPlugin::new).environment(java.util.Map.of()).build())
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("'file'").hasMessageContaining("required");
  }
}
