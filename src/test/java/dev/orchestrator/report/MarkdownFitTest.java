package dev.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cutting long texts under GitHub's body limit at a markdown-safe point. */
class MarkdownFitTest {
  @Test
  void aShortTextIsUntouched() {
    assertThat(Markdown.fit("| a |\n", 100)).isEqualTo("| a |\n");
  }

  @Test
  void aCutInsideAFoldAndAFenceClosesBothAndSaysSo() {
    String text = "<details><summary>steps</summary>\n\n```\n" + "line\n".repeat(30_000);
    String cut = Markdown.fit(text, Markdown.COMMENT_LIMIT);
    assertThat(cut.length()).isLessThanOrEqualTo(Markdown.COMMENT_LIMIT);
    assertThat(cut).endsWith("_… cut here: the full text is longer than GitHub allows._");
    assertThat(cut).contains("line\n```\n\n</details>\n\n_… cut here");
  }

  @Test
  void aCutWithoutLineBreaksNeverSplitsAnEmoji() {
    String text = "👍".repeat(40_000); // two UTF-16 units each, no line break to cut at
    String cut = Markdown.fit(text, Markdown.COMMENT_LIMIT);
    assertThat(cut.length()).isLessThanOrEqualTo(Markdown.COMMENT_LIMIT);
    String kept = cut.substring(0, cut.indexOf("\n\n_…"));
    assertThat(kept.length() % 2).isZero();
    assertThat(kept).matches("(👍)+");
  }
}
