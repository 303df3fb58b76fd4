package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a text list goes through the pager, and which pager. */
class PagerTest {

  @Test
  void withoutATerminalNothingIsPagedHoweverLong() {
    assertThat(Pager.shouldPage(false, 1_000_000, 24)).isFalse();
  }

  @Test
  void onATerminalOnlyTextTallerThanTheScreenLessThePromptLineIsPaged() {
    assertThat(Pager.shouldPage(true, 23, 24)).isFalse();
    assertThat(Pager.shouldPage(true, 24, 24)).isTrue();
    assertThat(Pager.shouldPage(true, 5, 1)).isTrue();
    assertThat(Pager.shouldPage(true, 1, 1)).isFalse();
  }

  @Test
  void thePagerIsThePagerVariableThroughTheShellElseLess() {
    assertThat(Pager.command(null)).containsExactly("less", "-FRX");
    assertThat(Pager.command("  ")).containsExactly("less", "-FRX");
    assertThat(Pager.command("more -d")).containsExactly("sh", "-c", "more -d");
  }

  @Test
  void theHeightIsTheLinesVariableWhenItIsAPositiveNumber() {
    assertThat(Pager.height(Map.of("LINES", "40"), 24)).isEqualTo(40);
    assertThat(Pager.height(Map.of("LINES", "tall"), 24)).isEqualTo(24);
    assertThat(Pager.height(Map.of("LINES", "0"), 30)).isEqualTo(30);
    assertThat(Pager.height(Map.of(), 24)).isEqualTo(24);
  }
}
