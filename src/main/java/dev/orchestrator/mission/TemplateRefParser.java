package dev.orchestrator.mission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The grammar of one reference; kept apart so the interface reads as a list of forms. */
final class TemplateRefParser {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern DAYS = Pattern.compile("\\d{1,5}");
  static final List<String> ROOTS = List.of("event", "args", "steps", "item", "days_ago");
  private static final String FORMS =
      "expected event.<path>, args.<name>, steps.<id>.output[.<path>], item[.<path>]"
          + " or days_ago(<days>)";

  private TemplateRefParser() {}

  static TemplateRef.Parsed parse(String raw) {
    String inner = raw.strip();
    if (inner.isEmpty()) {
      return bad("an empty reference; " + FORMS);
    }
    if (inner.startsWith("days_ago(") || inner.startsWith("days_ago ")) {
      return daysAgo(inner);
    }
    List<String> segments = new ArrayList<>(Arrays.asList(inner.split("\\.", -1)));
    for (String s : segments) {
      if (!SEGMENT.matcher(s).matches()) {
        return bad("\"" + inner + "\" is not a dotted path of names; " + FORMS);
      }
    }
    String root = segments.remove(0);
    switch (root) {
      case "event":
        return segments.isEmpty()
            ? bad("\"event\" needs a path such as event.issue.number")
            : ok(new TemplateRef.Event(segments));
      case "args":
        return segments.size() == 1
            ? ok(new TemplateRef.Arg(segments.get(0)))
            : bad("expected args.<name>, found \"" + inner + "\"");
      case "steps":
        if (segments.size() < 2 || !segments.get(1).equals("output")) {
          return bad("expected steps.<id>.output[.<path>], found \"" + inner + "\"");
        }
        return ok(
            new TemplateRef.StepOutput(segments.get(0), segments.subList(2, segments.size())));
      case "item":
        return ok(new TemplateRef.Item(segments));
      default:
        return bad("unknown root \"" + root + "\"" + Words.thenSuggest(root, ROOTS) + " " + FORMS);
    }
  }

  private static TemplateRef.Parsed daysAgo(String inner) {
    String call = inner.replaceFirst("^days_ago\\s*", "");
    if (!call.startsWith("(") || !call.endsWith(")")) {
      return bad("expected days_ago(<days>), found \"" + inner + "\"");
    }
    String argument = call.substring(1, call.length() - 1).strip();
    if (DAYS.matcher(argument).matches()) {
      int days = Integer.parseInt(argument);
      return days <= TemplateRef.MAX_DAYS
          ? ok(new TemplateRef.DaysAgo(days))
          : bad("days_ago(" + argument + "): at most " + TemplateRef.MAX_DAYS + " days");
    }
    if (argument.startsWith("args.")) {
      String name = argument.substring("args.".length());
      if (SEGMENT.matcher(name).matches()) {
        return ok(new TemplateRef.DaysAgoArg(name));
      }
    }
    return bad("days_ago takes a whole number of days or args.<name>, found \"" + argument + "\"");
  }

  private static TemplateRef.Parsed ok(TemplateRef ref) {
    return new TemplateRef.Ok(ref);
  }

  private static TemplateRef.Parsed bad(String message) {
    return new TemplateRef.Malformed(message);
  }
}
