package dev.restock.jpa;

import dev.restock.jpa.config.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link Secrets} masks, and what it leaves as it was. */
class SecretsTest {
  private static final String SECRET = "hunter2";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://db.example:5432/ops?user=bob&password=hunter2&ssl=true"
          + "|jdbc:postgresql://db.example:5432/ops?user=bob&password=***&ssl=true",
      "jdbc:postgresql://db.example/ops?password=hunter2"
          + "|jdbc:postgresql://db.example/ops?password=***",
      "jdbc:h2:tcp://db.example/ops;USER=sa;PASSWORD=hunter2;MODE=PostgreSQL"
          + "|jdbc:h2:tcp://db.example/ops;USER=sa;PASSWORD=***;MODE=PostgreSQL",
      "jdbc:sqlserver://db.example;databaseName=ops;password=hunter2"
          + "|jdbc:sqlserver://db.example;databaseName=ops;password=***",
      "postgresql://bob:hunter2@db.example:5432/ops|postgresql://bob:***@db.example:5432/ops",
      "jdbc:postgresql://bob:hun@ter2@db.example/ops|jdbc:postgresql://bob:***@db.example/ops",
      "jdbc:postgresql://db.example/ops?sslpassword=hunter2&PGPASSWORD=hunter2"
          + "|jdbc:postgresql://db.example/ops?sslpassword=***&PGPASSWORD=***",
      "cannot open the database jdbc:postgresql://h/ops?Password=hunter2: refused"
          + "|cannot open the database jdbc:postgresql://h/ops?Password=***: refused",
      "jdbc:postgresql://h/ops?password=a:b&user=u|jdbc:postgresql://h/ops?password=***&user=u",
      "password=hunter2|password=***",
      "token=hunter2 and secret=hunter2|token=*** and secret=***",
  })
  void everyFormOfSecretIsMaskedAndTheRestStays(String text, String masked) {
    assertThat(Secrets.mask(text)).isEqualTo(masked).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
      "jdbc:sqlite:/data/restock.db",
      "jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1",
      "the database has schema version 3",
  })
  void textWithoutSecretsIsLeftAlone(String text) {
    assertThat(Secrets.mask(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://h/ops?user=bob&password=hunter2&ssl=true|jdbc:postgresql://h/ops?user=bob&ssl=true|hunter2",
      "jdbc:postgresql://h/ops?password=hunter2&user=bob|jdbc:postgresql://h/ops?user=bob|hunter2",
      "jdbc:postgresql://h/ops?password=hun%26ter2|jdbc:postgresql://h/ops|hun&ter2",
      "jdbc:h2:tcp://h/ops;USER=sa;PASSWORD=hunter2;MODE=PostgreSQL|jdbc:h2:tcp://h/ops;USER=sa;MODE=PostgreSQL|hunter2",
  })
  void aPasswordIsTakenOutOfTheUrl(String url, String rest, String password) {
    Secrets.UrlPassword split = Secrets.splitPassword(url);
    assertThat(split.url()).isEqualTo(rest);
    assertThat(split.password()).isEqualTo(password);
    assertThat(split.toString()).doesNotContain(password);
    assertThat(Secrets.splitPassword(rest).password()).isNull();
  }

  @Test
  void aScrubbedFailureKeepsTypesAndStackTracesButNotTheSecret() {
    IllegalStateException cause = new IllegalStateException("Unable to obtain connection from "
        + "database (jdbc:postgresql://h/ops?password=hunter2)");
    RuntimeException failure = new RuntimeException("wrapped", cause);

    Throwable scrubbed = Secrets.scrub(failure);

    assertThat(printed(scrubbed)).doesNotContain(SECRET)
        .contains(IllegalStateException.class.getName()).contains("password=***")
        .contains("aScrubbedFailureKeepsTypesAndStackTracesButNotTheSecret");
    RuntimeException clean = new RuntimeException("nothing to hide");
    assertThat(Secrets.scrub(clean)).isSameAs(clean);
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
