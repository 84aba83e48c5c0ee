package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodiesTest {

  @Test
  void shortTextIsUnchanged() {
    assertThat(Bodies.cap("hello")).isEqualTo("hello");
    String exactly = "x".repeat(Bodies.MAX_CHARS);
    assertThat(Bodies.cap(exactly)).isSameAs(exactly);
  }

  @Test
  void longTextIsCutWithANoteSayingSo() {
    String capped = Bodies.cap("y".repeat(70_000));
    assertThat(capped).hasSize(Bodies.MAX_CHARS);
    assertThat(capped).startsWith("yyyy");
    assertThat(capped).endsWith("… (cut here: the text had 70000 characters, more than 60000)");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String capped = Bodies.cap(emoji.repeat(40_000));
    int noteStart = capped.indexOf("\n\n… (cut here");
    String kept = capped.substring(0, noteStart);
    assertThat(kept.length() % 2).isZero();
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    assertThat(capped.length()).isLessThanOrEqualTo(Bodies.MAX_CHARS);
  }

  @Test
  void theMarkerFollowsTheBodyAfterABlankLine() {
    assertThat(Bodies.withMarker("Done.", "<!-- agent-out:4:2 -->"))
        .isEqualTo("Done.\n\n<!-- agent-out:4:2 -->");
    assertThat(Bodies.withMarker("", "<!-- m -->")).isEqualTo("<!-- m -->");
  }
}
