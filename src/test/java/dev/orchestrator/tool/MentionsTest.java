package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MentionsTest {
  private static final String ZWJ = "\u200D";

  @ParameterizedTest
  @MethodSource("table")
  void neutralises(String text, String expected) {
    assertThat(Mentions.neutralise(text)).isEqualTo(expected);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("@octocat", "@" + ZWJ + "octocat"),
        Arguments.of("thanks @octocat!", "thanks @" + ZWJ + "octocat!"),
        Arguments.of("cc @github/security-team", "cc @" + ZWJ + "github/security-team"),
        Arguments.of("(@mona-lisa)", "(@" + ZWJ + "mona-lisa)"),
        Arguments.of("line one\n@a and @b", "line one\n@" + ZWJ + "a and @" + ZWJ + "b"),
        Arguments.of("@@octocat", "@@" + ZWJ + "octocat"),
        Arguments.of("\"@octocat\"", "\"@" + ZWJ + "octocat\""),
        Arguments.of("@1password", "@" + ZWJ + "1password"),
        // not mentions
        Arguments.of("mail a@b.com", "mail a@b.com"),
        Arguments.of("first.last@example.org", "first.last@example.org"),
        Arguments.of("x_y@example.org", "x_y@example.org"),
        Arguments.of("a+tag@example.org", "a+tag@example.org"),
        Arguments.of("https://medium.com/@author/post", "https://medium.com/@author/post"),
        Arguments.of("@ alone", "@ alone"),
        Arguments.of("trailing @", "trailing @"),
        Arguments.of("@-dash", "@-dash"),
        Arguments.of("no mentions here", "no mentions here"),
        Arguments.of("", ""),
        // code is left alone: GitHub does not notify from code
        Arguments.of("run `@octocat` now @mona", "run `@octocat` now @" + ZWJ + "mona"),
        Arguments.of("``a ` @x`` @y", "``a ` @x`` @" + ZWJ + "y"),
        Arguments.of("unclosed ` @x", "unclosed ` @" + ZWJ + "x"),
        Arguments.of("```\n@octocat\n```\n@mona", "```\n@octocat\n```\n@" + ZWJ + "mona"),
        Arguments.of(
            "~~~~ yaml\n@a\n~~~\n@b\n~~~~\n@c", "~~~~ yaml\n@a\n~~~\n@b\n~~~~\n@" + ZWJ + "c"),
        Arguments.of("```\nunclosed @a", "```\nunclosed @a"),
        Arguments.of("already @" + ZWJ + "neutral", "already @" + ZWJ + "neutral"));
  }

  @Test
  void neutralisingTwiceChangesNothingMore() {
    String once = Mentions.neutralise("hi @octocat and @org/team, mail a@b.com");
    assertThat(Mentions.neutralise(once)).isEqualTo(once);
  }

  @Test
  void theTextReadsTheSameWithoutTheJoiners() {
    String text = "ping @octocat, `@code`, and @org/team\n```\n@x\n```";
    assertThat(Mentions.neutralise(text).replace(ZWJ, "")).isEqualTo(text);
  }
}
