package dev.restock.core.audit.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionContentTest {
  @Test
  void theJpaStoresLengthPrefixedIdNamesTheRevisionAndNoOther() {
    String content = "R|2:17|13:1700000000000|36:x\nT product_aud|...";
    assertThat(RevisionContent.names(content, 17)).isTrue();
    assertThat(RevisionContent.names(content, 1)).isFalse();
    assertThat(RevisionContent.names(content, 2)).isFalse();
    assertThat(RevisionContent.names(content, 171)).isFalse();
  }

  @Test
  void theMemoryStoresRevisionInfoNamesTheRevisionAndNoOther() {
    String content = "R RevisionInfo[number=17, at=2026-01-01T00:00:00Z, actorId=x]\nT PRODUCT";
    assertThat(RevisionContent.names(content, 17)).isTrue();
    assertThat(RevisionContent.names(content, 1)).isFalse();
    assertThat(RevisionContent.names(content, 170)).isFalse();
    assertThat(RevisionContent.names("T PRODUCT number=17,", 17)).isFalse();
  }
}
