package dev.orchestrator.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a comment body into slash commands (PRODUCT.md "Slash commands"). Pure: the same body and
 * vocabulary always give the same result, and any text gives one of the closed results.
 */
public final class CommandParser {
  /** More than this many commands in one comment are refused, not run. */
  public static final int MAX_COMMANDS = 10;

  private static final String PREFIX = "/agent";
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
  private static final Pattern RUN_ID = Pattern.compile("#?(\\d{1,18})");

  private CommandParser() {}

  public static ParseResult parse(String body, Vocabulary vocabulary) {
    if (body == null || body.isEmpty()) {
      return new ParseResult.NotACommand();
    }
    List<SlashCommand> commands = new ArrayList<>();
    List<ParseResult.Problem> problems = new ArrayList<>();
    int seen = 0;
    for (CommentLines.Line line : CommentLines.live(body)) {
      String text = line.text().strip();
      if (!isCommandLine(text)) {
        continue;
      }
      seen++;
      if (seen > MAX_COMMANDS) {
        problems.add(
            new ParseResult.Problem(
                line.number(),
                text,
                "at most " + MAX_COMMANDS + " commands per comment; the rest were not run",
                List.of()));
        break;
      }
      Line parsed = parseLine(line.number(), text.substring(PREFIX.length()), vocabulary);
      parsed.command().ifPresent(commands::add);
      parsed.problem().ifPresent(problems::add);
    }
    if (seen == 0) {
      return new ParseResult.NotACommand();
    }
    return commands.isEmpty()
        ? new ParseResult.Invalid(problems)
        : new ParseResult.Parsed(commands, problems);
  }

  private static boolean isCommandLine(String text) {
    return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        && (text.length() == PREFIX.length()
            || Character.isWhitespace(text.charAt(PREFIX.length())));
  }

  private record Line(Optional<SlashCommand> command, Optional<ParseResult.Problem> problem) {
    static Line of(SlashCommand c) {
      return new Line(Optional.of(c), Optional.empty());
    }

    static Line bad(int n, String text, String message, List<String> suggestions) {
      return new Line(
          Optional.empty(),
          Optional.of(new ParseResult.Problem(n, "/agent" + text, message, suggestions)));
    }
  }

  private static Line parseLine(int n, String rest, Vocabulary vocabulary) {
    List<String> words = Tokenizer.words(rest);
    if (words == null) {
      // a rejection's reason is free text, written as is: a lone quote there is just a character
      String first = rest.strip().split("\\s+", 2)[0];
      if (first.equalsIgnoreCase("reject")) {
        return reject(n, rest);
      }
      return Line.bad(n, rest, "a quote is not closed", List.of());
    }
    if (words.isEmpty()) {
      return Line.of(new SlashCommand.Help(n));
    }
    String word = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    switch (word) {
      case "help":
        return noArguments(n, rest, word, args, new SlashCommand.Help(n));
      case "missions":
        return noArguments(n, rest, word, args, new SlashCommand.Missions(n));
      case "status":
        return noArguments(n, rest, word, args, new SlashCommand.Status(n));
      case "history":
        return history(n, rest, args);
      case "approve":
      case "cancel":
        return approveOrCancel(n, rest, word, args);
      case "reject":
        return reject(n, rest);
      case "explain":
        return explain(n, rest, args);
      case "run":
        if (args.isEmpty()) {
          return Line.bad(
              n, rest, "`run` needs a mission: `/agent run <mission> [key=value…]`", List.of());
        }
        return run(
            n,
            rest,
            args.get(0).toLowerCase(Locale.ROOT),
            args.subList(1, args.size()),
            "run",
            vocabulary);
      default:
        if (vocabulary.mission(word).isPresent()) {
          return run(n, rest, word, args, word, vocabulary);
        }
        return Line.bad(
            n,
            rest,
            "unknown command `" + word + "`",
            EditDistance.nearest(word, vocabulary.words()));
    }
  }

  private static Line noArguments(
      int n, String rest, String word, List<String> args, SlashCommand c) {
    if (!args.isEmpty()) {
      return Line.bad(
          n, rest, "`" + word + "` takes no arguments, found `" + args.get(0) + "`", List.of());
    }
    return Line.of(c);
  }

  private static Line history(int n, String rest, List<String> args) {
    if (args.isEmpty()) {
      return Line.of(new SlashCommand.History(n, SlashCommand.History.DEFAULT_LIMIT));
    }
    if (args.size() == 1 && args.get(0).matches("\\d{1,3}")) {
      int limit = Integer.parseInt(args.get(0));
      if (limit >= 1 && limit <= SlashCommand.History.MAX_LIMIT) {
        return Line.of(new SlashCommand.History(n, limit));
      }
    }
    return Line.bad(
        n,
        rest,
        "`history` takes one number from 1 to " + SlashCommand.History.MAX_LIMIT,
        List.of());
  }

  private static Line approveOrCancel(int n, String rest, String word, List<String> args) {
    if (args.size() > 1 || (args.size() == 1 && !RUN_ID.matcher(args.get(0)).matches())) {
      return Line.bad(
          n,
          rest,
          "`" + word + "` takes an optional run id, e.g. `/agent " + word + " 42`",
          List.of());
    }
    Optional<Long> id = args.isEmpty() ? Optional.empty() : Optional.of(runId(args.get(0)));
    return Line.of(
        "approve".equals(word) ? new SlashCommand.Approve(n, id) : new SlashCommand.Cancel(n, id));
  }

  private static Line reject(int n, String rest) {
    // The reason is the rest of the line as written, quotes and all.
    String after = rest.strip().substring("reject".length()).strip();
    Optional<Long> id = Optional.empty();
    String[] split = after.split("\\s+", 2);
    if (!after.isEmpty() && RUN_ID.matcher(split[0]).matches()) {
      id = Optional.of(runId(split[0]));
      after = split.length > 1 ? split[1].strip() : "";
    }
    return Line.of(
        new SlashCommand.Reject(n, id, after.isEmpty() ? Optional.empty() : Optional.of(after)));
  }

  private static Line explain(int n, String rest, List<String> args) {
    if (args.size() != 1 || !RUN_ID.matcher(args.get(0)).matches()) {
      return Line.bad(n, rest, "`explain` takes a run id, e.g. `/agent explain 42`", List.of());
    }
    return Line.of(new SlashCommand.Explain(n, runId(args.get(0))));
  }

  private static Line run(
      int n, String rest, String word, List<String> args, String via, Vocabulary vocabulary) {
    Optional<String> mission = vocabulary.mission(word);
    if (mission.isEmpty()) {
      return Line.bad(
          n,
          rest,
          "unknown mission `" + word + "`",
          EditDistance.nearest(word, vocabulary.missionByWord().keySet()));
    }
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0 || !KEY.matcher(arg.substring(0, eq)).matches()) {
        return Line.bad(n, rest, "expected `key=value`, found `" + arg + "`", List.of());
      }
      String key = arg.substring(0, eq);
      if (arguments.put(key, arg.substring(eq + 1)) != null) {
        return Line.bad(n, rest, "argument `" + key + "` is given twice", List.of());
      }
    }
    return Line.of(new SlashCommand.Run(n, mission.get(), arguments, via));
  }

  private static long runId(String word) {
    return Long.parseLong(word.startsWith("#") ? word.substring(1) : word);
  }
}
