package dev.orchestrator.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
  private static final Vocabulary VOCAB =
      Vocabulary.of(
          List.of("issue-triage", "pr-summary", "stale-issues", "health-report"),
          Map.of(
              "triage",
              "issue-triage",
              "summarize",
              "pr-summary",
              "stale",
              "stale-issues",
              "health",
              "health-report"));

  private static ParseResult parse(String body) {
    return CommandParser.parse(body, VOCAB);
  }

  private static List<SlashCommand> commands(String body) {
    ParseResult r = parse(body);
    assertThat(r).as(body).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) r).commands();
  }

  private static ParseResult.Problem onlyProblem(String body) {
    ParseResult r = parse(body);
    assertThat(r).as(body).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) r).problems().get(0);
  }

  @Test
  void builtInsParse() {
    assertThat(commands("/agent help")).containsExactly(new SlashCommand.Help(1));
    assertThat(commands("/agent")).containsExactly(new SlashCommand.Help(1));
    assertThat(commands("/agent missions")).containsExactly(new SlashCommand.Missions(1));
    assertThat(commands("  /AGENT Status  ")).containsExactly(new SlashCommand.Status(1));
    assertThat(commands("/agent history")).containsExactly(new SlashCommand.History(1, 10));
    assertThat(commands("/agent history 25")).containsExactly(new SlashCommand.History(1, 25));
    assertThat(commands("/agent approve"))
        .containsExactly(new SlashCommand.Approve(1, Optional.empty()));
    assertThat(commands("/agent approve 42"))
        .containsExactly(new SlashCommand.Approve(1, Optional.of(42L)));
    assertThat(commands("/agent cancel #7"))
        .containsExactly(new SlashCommand.Cancel(1, Optional.of(7L)));
    assertThat(commands("/agent explain 9")).containsExactly(new SlashCommand.Explain(1, 9));
  }

  @Test
  void rejectTakesTheRestOfTheLineAsTheReason() {
    assertThat(commands("/agent reject 42 this would close \"too many\" issues"))
        .containsExactly(
            new SlashCommand.Reject(
                1, Optional.of(42L), Optional.of("this would close \"too many\" issues")));
    assertThat(commands("/agent reject not now"))
        .containsExactly(new SlashCommand.Reject(1, Optional.empty(), Optional.of("not now")));
    assertThat(commands("/agent reject"))
        .containsExactly(new SlashCommand.Reject(1, Optional.empty(), Optional.empty()));
  }

  @Test
  void runsByNameCommandAndRunWithQuotedArguments() {
    assertThat(commands("/agent run stale-issues days=60 label=\"needs love\""))
        .containsExactly(
            new SlashCommand.Run(
                1, "stale-issues", Map.of("days", "60", "label", "needs love"), "run"));
    assertThat(commands("/agent stale days='7'"))
        .containsExactly(new SlashCommand.Run(1, "stale-issues", Map.of("days", "7"), "stale"));
    assertThat(commands("/agent issue-triage"))
        .containsExactly(new SlashCommand.Run(1, "issue-triage", Map.of(), "issue-triage"));
    assertThat(commands("/agent run triage"))
        .containsExactly(new SlashCommand.Run(1, "issue-triage", Map.of(), "run"));
  }

  @Test
  void builtInsWinOverMissionsOfTheSameName() {
    Vocabulary clash = Vocabulary.of(List.of("status"), Map.of("help", "x"));
    assertThat(CommandParser.parse("/agent status", clash))
        .isEqualTo(new ParseResult.Parsed(List.of(new SlashCommand.Status(1)), List.of()));
    assertThat(CommandParser.parse("/agent help", clash))
        .isEqualTo(new ParseResult.Parsed(List.of(new SlashCommand.Help(1)), List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Please run it:\n\n```\n/agent run triage\n```",
        "~~~markdown\n/agent status\n~~~",
        "Example:\n\n    /agent status\n",
        "\t/agent status",
        "> /agent approve 3\nthat's what they said",
        "   >   /agent status",
        "<!-- /agent status -->",
        "<!--\n/agent status\n-->",
        "/agentstatus",
        "see /agent status in the docs",
        "`/agent status`",
        "",
        "Thanks! LGTM"
      })
  void textThatIsNotALiveCommandIsNotACommand(String body) {
    assertThat(parse(body)).isEqualTo(new ParseResult.NotACommand());
  }

  @Test
  void commandsAfterAClosedFenceOrCommentCount() {
    assertThat(commands("```\ncode\n```\n/agent status"))
        .containsExactly(new SlashCommand.Status(4));
    assertThat(commands("<!-- hidden --> /agent status"))
        .containsExactly(new SlashCommand.Status(1));
    assertThat(commands("````\n```\n/agent help\n```\n````\n/agent missions"))
        .containsExactly(new SlashCommand.Missions(6));
    assertThat(commands("Some text\n    /agent status"))
        .containsExactly(new SlashCommand.Status(2));
  }

  @Test
  void severalCommandsKeepTheirLineNumbers() {
    assertThat(commands("Hi!\r\n/agent status\r\n\r\n/agent run triage\r\n/agent history 3"))
        .containsExactly(
            new SlashCommand.Status(2),
            new SlashCommand.Run(4, "issue-triage", Map.of(), "run"),
            new SlashCommand.History(5, 3));
  }

  @Test
  void nearMissesSuggest() {
    assertThat(onlyProblem("/agent stauts").reply())
        .isEqualTo("unknown command `stauts`; did you mean `status`?");
    assertThat(onlyProblem("/agent trage").reply())
        .isEqualTo("unknown command `trage`; did you mean `triage`?");
    assertThat(onlyProblem("/agent run stale-isues").reply())
        .isEqualTo("unknown mission `stale-isues`; did you mean `stale-issues`?");
    assertThat(onlyProblem("/agent deploy").suggestions()).isEmpty();
  }

  @Test
  void badArgumentsAreExplained() {
    assertThat(onlyProblem("/agent run stale days").message())
        .isEqualTo("expected `key=value`, found `days`");
    assertThat(onlyProblem("/agent run stale days=1 days=2").message())
        .isEqualTo("argument `days` is given twice");
    assertThat(onlyProblem("/agent run stale label=\"open").message())
        .isEqualTo("a quote is not closed");
    assertThat(onlyProblem("/agent run").message()).contains("needs a mission");
    assertThat(onlyProblem("/agent history 0").message()).contains("from 1 to 50");
    assertThat(onlyProblem("/agent explain").message()).contains("takes a run id");
    assertThat(onlyProblem("/agent approve yes please").message()).contains("optional run id");
    assertThat(onlyProblem("/agent status now").message()).contains("takes no arguments");
  }

  @Test
  void goodAndBadLinesAreAnsweredTogether() {
    ParseResult r = parse("/agent status\n/agent stauts");
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    ParseResult.Parsed p = (ParseResult.Parsed) r;
    assertThat(p.commands()).containsExactly(new SlashCommand.Status(1));
    assertThat(p.problems()).extracting(ParseResult.Problem::line).containsExactly(2);
  }

  @Test
  void atMostTenCommandsPerComment() {
    ParseResult.Parsed p = (ParseResult.Parsed) parse("/agent status\n".repeat(12));
    assertThat(p.commands()).hasSize(10);
    assertThat(p.problems())
        .singleElement()
        .extracting(ParseResult.Problem::message)
        .asString()
        .contains("at most 10");
  }

  @Property
  void anyTextGivesOneClosedResult(@ForAll("comments") String body) {
    ParseResult r = parse(body);
    assertThat(r).isNotNull();
    int lines = body.replace("\r\n", "\n").split("[\n\r]", -1).length;
    if (r instanceof ParseResult.Parsed p) {
      assertThat(p.commands()).isNotEmpty().hasSizeLessThanOrEqualTo(CommandParser.MAX_COMMANDS);
      assertThat(p.commands()).allSatisfy(c -> assertThat(c.line()).isBetween(1, lines));
    } else if (r instanceof ParseResult.Invalid inv) {
      assertThat(inv.problems()).isNotEmpty();
    } else {
      assertThat(r).isInstanceOf(ParseResult.NotACommand.class);
    }
  }

  @Provide
  Arbitrary<String> comments() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "/agent ",
                "/AGENT ",
                "run ",
                "triage",
                "stale",
                "days=",
                "\"",
                "'",
                "```",
                "~~~",
                "<!--",
                "-->",
                "> ",
                "    ",
                "\t",
                "\n",
                "\r\n",
                "approve ",
                "reject ",
                "42",
                "#",
                "history ",
                "help",
                "explain ",
                "=",
                " "),
            Arbitraries.strings().ofMaxLength(8));
    return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
