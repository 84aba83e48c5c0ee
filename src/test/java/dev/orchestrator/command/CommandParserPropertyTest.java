package dev.orchestrator.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The command parser under fuzzing: any text at all gives one of the three closed results, never an
 * exception; every command, written out the way a user would type it, parses back to itself on its
 * line; and the same commands quoted, fenced or inside an HTML comment run nothing.
 */
class CommandParserPropertyTest {
  private static final Vocabulary VOCAB =
      Vocabulary.of(List.of("issue-triage", "stale-issues"), Map.of("triage", "issue-triage"));

  @Property
  void anyTextGivesAClosedResult(@ForAll("anyText") String body) {
    ParseResult r = CommandParser.parse(body, VOCAB);
    assertThat(r)
        .isInstanceOfAny(
            ParseResult.NotACommand.class, ParseResult.Invalid.class, ParseResult.Parsed.class);
    if (r instanceof ParseResult.Invalid inv) {
      assertThat(inv.problems()).allSatisfy(p -> assertThat(p.reply()).isNotBlank());
    }
  }

  @Property
  void writtenCommandsParseBackToThemselves(@ForAll("commandLists") List<SlashCommand> commands) {
    StringBuilder body = new StringBuilder();
    for (SlashCommand c : commands) {
      body.append(write(c)).append('\n');
    }
    ParseResult r = CommandParser.parse(body.toString(), VOCAB);

    assertThat(r).as(body.toString()).isInstanceOf(ParseResult.Parsed.class);
    ParseResult.Parsed p = (ParseResult.Parsed) r;
    assertThat(p.problems()).isEmpty();
    assertThat(p.commands()).as(body.toString()).containsExactlyElementsOf(commands);
  }

  @Property
  void quotedFencedOrHiddenCommandsRunNothing(
      @ForAll("commandLists") List<SlashCommand> commands, @ForAll("wrappers") int wrapper) {
    StringBuilder inner = new StringBuilder();
    for (SlashCommand c : commands) {
      inner.append(write(c)).append('\n');
    }
    String body =
        switch (wrapper) {
          case 0 -> "```\n" + inner + "```\n";
          case 1 -> "~~~~ text\n" + inner + "~~~~\n";
          case 2 -> "<!--\n" + inner + "-->\n";
          case 3 -> inner.toString().replaceAll("(?m)^/", "> /");
          default -> "text\n\n" + inner.toString().replaceAll("(?m)^/", "    /");
        };
    assertThat(CommandParser.parse(body, VOCAB)).isInstanceOf(ParseResult.NotACommand.class);
  }

  /** Found by {@link #writtenCommandsParseBackToThemselves} (seed 390322121223456436). */
  @Example
  void aRejectionReasonMayHoldALoneQuote() {
    ParseResult r = CommandParser.parse("/agent help\n/agent reject 650 it's \"wrong", VOCAB);
    assertThat(((ParseResult.Parsed) r).commands())
        .containsExactly(
            new SlashCommand.Help(1),
            new SlashCommand.Reject(2, Optional.of(650L), Optional.of("it's \"wrong")));
    assertThat(CommandParser.parse("/agent reject a\"", VOCAB))
        .isEqualTo(
            new ParseResult.Parsed(
                List.of(new SlashCommand.Reject(1, Optional.empty(), Optional.of("a\""))),
                List.of()));
    assertThat(CommandParser.parse("/agent run triage x=\"open", VOCAB))
        .isInstanceOf(ParseResult.Invalid.class);
  }

  /** The command as a user types it; each is written on its own line, numbered from 1. */
  private static String write(SlashCommand c) {
    if (c instanceof SlashCommand.History h) {
      return "/agent history " + h.limit();
    }
    if (c instanceof SlashCommand.Approve a) {
      return "/agent approve" + a.runId().map(id -> " " + id).orElse("");
    }
    if (c instanceof SlashCommand.Cancel x) {
      return "/AGENT cancel" + x.runId().map(id -> " #" + id).orElse("");
    }
    if (c instanceof SlashCommand.Reject r) {
      return "/agent reject"
          + r.runId().map(id -> " " + id).orElse("")
          + r.reason().map(s -> " " + s).orElse("");
    }
    if (c instanceof SlashCommand.Explain e) {
      return "/agent   explain " + e.runId();
    }
    if (c instanceof SlashCommand.Run run) {
      StringBuilder b = new StringBuilder("/agent ");
      b.append(run.via().equals("run") ? "run " + run.mission() : run.via());
      run.arguments().forEach((k, v) -> b.append(' ').append(k).append('=').append(quote(v)));
      return b.toString();
    }
    return "/agent " + c.name();
  }

  private static String quote(String v) {
    if (v.matches("[A-Za-z0-9_.:/-]+")) {
      return v;
    }
    return v.contains("\"") ? "'" + v + "'" : "\"" + v + "\"";
  }

  @Provide
  Arbitrary<List<SlashCommand>> commandLists() {
    return command().list().ofMinSize(1).ofMaxSize(CommandParser.MAX_COMMANDS).map(this::renumber);
  }

  private List<SlashCommand> renumber(List<SlashCommand> in) {
    List<SlashCommand> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      out.add(at(in.get(i), i + 1));
    }
    return out;
  }

  private static SlashCommand at(SlashCommand c, int line) {
    if (c instanceof SlashCommand.History h) {
      return new SlashCommand.History(line, h.limit());
    }
    if (c instanceof SlashCommand.Approve a) {
      return new SlashCommand.Approve(line, a.runId());
    }
    if (c instanceof SlashCommand.Cancel x) {
      return new SlashCommand.Cancel(line, x.runId());
    }
    if (c instanceof SlashCommand.Reject r) {
      return new SlashCommand.Reject(line, r.runId(), r.reason());
    }
    if (c instanceof SlashCommand.Explain e) {
      return new SlashCommand.Explain(line, e.runId());
    }
    if (c instanceof SlashCommand.Run r) {
      return new SlashCommand.Run(line, r.mission(), r.arguments(), r.via());
    }
    if (c instanceof SlashCommand.Missions) {
      return new SlashCommand.Missions(line);
    }
    if (c instanceof SlashCommand.Status) {
      return new SlashCommand.Status(line);
    }
    return new SlashCommand.Help(line);
  }

  private Arbitrary<SlashCommand> command() {
    Arbitrary<Optional<Long>> id =
        Arbitraries.longs().between(0, 999_999_999_999_999_999L).optional();
    Arbitrary<Optional<String>> reason =
        Arbitraries.strings()
            .withChars("abcdefghij XYZ.,!?'\"éü")
            .ofMaxLength(30)
            .map(String::strip)
            .filter(s -> s.isEmpty() || Character.isLetter(s.charAt(0)))
            .map(s -> s.isEmpty() ? Optional.<String>empty() : Optional.of(s));
    Arbitrary<String> value =
        Arbitraries.strings()
            .withChars("abcXYZ019 _-.:/=#'\"é\t")
            .ofMaxLength(12)
            .filter(v -> !(v.contains("\"") && v.contains("'")));
    Arbitrary<Map<String, String>> arguments =
        Arbitraries.maps(
                Arbitraries.strings()
                    .withChars("abcxyz_-019")
                    .ofMinLength(1)
                    .ofMaxLength(8)
                    .filter(k -> Character.isLetter(k.charAt(0)) || k.charAt(0) == '_'),
                value)
            .ofMaxSize(3)
            .map(LinkedHashMap::new);
    Arbitrary<SlashCommand> run =
        Combinators.combine(
                Arbitraries.of("issue-triage", "stale-issues", "triage"),
                Arbitraries.of(true, false),
                arguments)
            .as(
                (word, viaRun, args) ->
                    new SlashCommand.Run(
                        0, VOCAB.mission(word).orElseThrow(), args, viaRun ? "run" : word));
    return Arbitraries.oneOf(
        Arbitraries.just(new SlashCommand.Help(0)),
        Arbitraries.just(new SlashCommand.Missions(0)),
        Arbitraries.just(new SlashCommand.Status(0)),
        Arbitraries.integers()
            .between(1, SlashCommand.History.MAX_LIMIT)
            .map(n -> new SlashCommand.History(0, n)),
        id.map(i -> new SlashCommand.Approve(0, i)),
        id.map(i -> new SlashCommand.Cancel(0, i)),
        Combinators.combine(id, reason).as((i, r) -> new SlashCommand.Reject(0, i, r)),
        Arbitraries.longs()
            .between(0, 999_999_999_999_999_999L)
            .map(i -> new SlashCommand.Explain(0, i)),
        run);
  }

  @Provide
  Arbitrary<Integer> wrappers() {
    return Arbitraries.integers().between(0, 4);
  }

  /** Any Unicode text, and text made mostly of the parser's own vocabulary. */
  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> words =
        Arbitraries.of(
                "/agent",
                "/Agent ",
                " ",
                "\n",
                "\r",
                "\t",
                "run",
                "reject",
                "history",
                "explain",
                "approve",
                "#",
                "9",
                "99999999999999999999",
                "=",
                "\"",
                "'",
                "```",
                "<!--",
                "-->",
                ">",
                "    ",
                "triage",
                "k=",
                "İ",
                "\u2028",
                "\u0085",
                "\u00a0",
                "\ufeff")
            .list()
            .ofMaxSize(30)
            .map(l -> String.join("", l));
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), words);
  }
}
