package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** On a schema of its own; at rest means a plain {@code pg_dump} of that schema. */
class PostgresEncryptedFieldsContractTest extends EncryptedFieldsContractTest {
  private FreshDatabase fresh;
  private Path scratch;

  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    fresh = TestDatabase.POSTGRES.fresh();
    scratch = dir;
    return fresh.config();
  }

  @Override
  protected void dropDatabase() {
    if (fresh != null) {
      fresh.close();
    }
  }

  @Override
  protected byte[] atRest() throws Exception {
    String url = fresh.jdbcUrl();
    String schema = url.replaceFirst(".*currentSchema=", "");
    String database = url.replaceFirst("\\?.*", "").replaceFirst(".*/", "");
    return run(List.of("pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", config.user(),
        "--schema=" + schema, database));
  }

  @Override
  protected byte[] backupContent(Path backup) throws Exception {
    return run(List.of("pg_restore", "-f", "-", backup.toString()));
  }

  private byte[] run(List<String> command) throws Exception {
    Path out = Files.createTempFile(scratch, "dump", ".sql");
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed with " + p.exitValue());
    }
    return Files.readAllBytes(out);
  }
}
