package dev.restock.jpa.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.SchemaValidation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code restock.db.schema-validation} and {@code RESTOCK_DB_SCHEMA_VALIDATION}. */
class SchemaValidationSettingTest {
  @Test
  void theDefaultValidatesOnlyWhenTheVersionDiffers() {
    assertThat(JpaStoreConfig.from(Map.of(), Map.of()).schemaValidation())
        .isEqualTo(SchemaValidation.WHEN_VERSION_DIFFERS);
  }

  @Test
  void thePropertyAndTheEnvironmentChooseTheModeAndTheEnvironmentWins() {
    assertThat(JpaStoreConfig.from(Map.of("restock.db.schema-validation", "strict"), Map.of())
        .schemaValidation()).isEqualTo(SchemaValidation.STRICT);
    assertThat(JpaStoreConfig.from(Map.of("restock.db.schema-validation", "strict"),
        Map.of("RESTOCK_DB_SCHEMA_VALIDATION", "when-version-differs")).schemaValidation())
        .isEqualTo(SchemaValidation.WHEN_VERSION_DIFFERS);
  }

  @Test
  void anUnknownModeIsNamedWithTheAcceptedOnes() {
    assertThatThrownBy(() -> JpaStoreConfig.from(
        Map.of("restock.db.schema-validation", "sometimes"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restock.db.schema-validation: must be strict or "
            + "when-version-differs (was 'sometimes')");
  }
}
