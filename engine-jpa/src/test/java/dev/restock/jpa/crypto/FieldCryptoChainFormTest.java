package dev.restock.jpa.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the hash chain covers of a value ({@link FieldCrypto#chainForm}). */
class FieldCryptoChainFormTest {
  private static final String COMMITMENT = "q".repeat(43);

  @Test
  void aSealedPersonalValueIsHashedAsItsCommitmentOnlySoReEncryptionKeepsTheHash() {
    String underOneKey = "ENC1.3.AAAAbbbbCCCC_-.".concat(COMMITMENT);
    String underAnother = "ENC1.17.zzzzYYYYxxxx.".concat(COMMITMENT);
    assertThat(FieldCrypto.chainForm("email", underOneKey)).isEqualTo("ENC1." + COMMITMENT)
        .isEqualTo(FieldCrypto.chainForm("email", underAnother));
    assertThat(FieldCrypto.chainForm("notes", underOneKey)).isEqualTo("ENC1." + COMMITMENT);
  }

  @Test
  void plainValuesAndOtherColumnsAreHashedAsTheyAre() {
    assertThat(FieldCrypto.chainForm("email", "ann@example.com")).isEqualTo("ann@example.com");
    assertThat(FieldCrypto.chainForm("email", null)).isNull();
    String sealedLooking = "ENC1.3.AAAA." + COMMITMENT;
    assertThat(FieldCrypto.chainForm("name", sealedLooking)).isEqualTo(sealedLooking);
    assertThat(FieldCrypto.chainForm("email", "ENC1.x.AAAA." + COMMITMENT))
        .isEqualTo("ENC1.x.AAAA." + COMMITMENT);
  }
}
