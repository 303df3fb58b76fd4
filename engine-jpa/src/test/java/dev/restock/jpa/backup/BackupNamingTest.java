package dev.restock.jpa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.jpa.config.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backup file names come from the dialects (their ids and backup formats) and must stay what
 * earlier releases wrote, or listing and pruning would no longer find old backups.
 */
class BackupNamingTest {

  @ParameterizedTest
  @CsvSource({
      "SQLITE, restock-sqlite-20261205-010203-004.db.gz",
      "H2, restock-h2-20261205-010203-004.sql.gz",
      "POSTGRESQL, restock-postgresql-20261205-010203-004.pgdump"
  })
  void eachDatabaseNamesItsBackupsAsBefore(Database database, String name) {
    assertThat(name).endsWith(BackupMetadata.extension(database));
    assertThat(BackupMetadata.isData(name)).isTrue();
    assertThat(BackupMetadata.TEMPORARY.matcher(name + ".x1y2.tmp").matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "restock-mysql-20261205-010203-004.sql.gz", // no such database
      "restock-sqlite-20261205-010203-004.db", // not a backup format's extension
      "restock-sqlite-20261205-010203-004xdbxgz", // the dots are dots, not any character
      "restock-h2-20261205-010203-004.sql.gz.json", // the metadata beside it
      "restock-h2-20261205-0102-004.sql.gz" // a broken stamp
  })
  void otherFilesAreNotBackups(String name) {
    assertThat(BackupMetadata.isData(name)).isFalse();
  }
}
