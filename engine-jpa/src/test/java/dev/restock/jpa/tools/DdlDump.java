package dev.restock.jpa.tools;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.bootstrap.HibernateSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Writes the DDL Hibernate would generate per database: the starting point of migrations. */
public final class DdlDump {
  public static void main(String[] args) throws Exception {
    for (String url : new String[] {"jdbc:sqlite:x.db", "jdbc:h2:mem:x", "jdbc:postgresql://h/db"}) {
      JpaStoreConfig config = JpaStoreConfig.of(url, null, null);
      Path out = Path.of("target", "ddl-" + config.database().name().toLowerCase() + ".sql");
      Files.deleteIfExists(out);
      var registry = new StandardServiceRegistryBuilder().applySettings(HibernateSetup.settings(config))
          .applySetting("hibernate.boot.allow_jdbc_metadata_access", false)
          .applySetting("jakarta.persistence.schema-generation.scripts.action", "create")
          .applySetting("jakarta.persistence.schema-generation.scripts.create-target", out.toString())
          .applySetting("hibernate.format_sql", true)
          .applySetting("hibernate.hbm2ddl.delimiter", ";")
          .build();
      MetadataSources sources = new MetadataSources(registry);
      HibernateSetup.ENTITIES.forEach(sources::addAnnotatedClass);
      sources.buildMetadata().buildSessionFactory().close();
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }
}
