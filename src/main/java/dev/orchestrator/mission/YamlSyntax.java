package dev.orchestrator.mission;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns the YAML library's syntax errors into one problem at the position where YAML broke. */
final class YamlSyntax {
  private YamlSyntax() {}

  /**
   * Jackson's wrapper of SnakeYAML's marked exception is the only way to the exact problem mark
   * without importing SnakeYAML itself; the parser's own location is often a token too late. The
   * wrapper is deprecated but is what jackson-dataformat-yaml 2.x throws.
   */
  @SuppressWarnings("deprecation")
  static void report(JsonProcessingException e, JsonParser parser, Problems problems) {
    if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException) {
      var marked = (com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException) e;
      var mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      if (mark != null && marked.getProblem() != null) {
        String context = "";
        var contextMark = marked.getContextMark();
        if (marked.getContext() != null && contextMark != null) {
          context =
              " ("
                  + marked.getContext()
                  + " started at "
                  + (contextMark.getLine() + 1)
                  + ":"
                  + (contextMark.getColumn() + 1)
                  + ")";
        }
        problems.at(
            mark.getLine() + 1,
            mark.getColumn() + 1,
            "invalid YAML: " + marked.getProblem() + context);
        return;
      }
    }
    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
    int line = Math.max(at.getLineNr(), 1);
    int column = Math.max(at.getColumnNr(), 1);
    problems.at(line, column, "invalid YAML: " + plain(e.getOriginalMessage()));
  }

  /** The first line of a library message, without the parser's internal event names. */
  private static String plain(String message) {
    if (message == null) {
      return "unreadable document";
    }
    if (message.startsWith("Expected a field name")) {
      return "a mapping key must be plain text, not a list or mapping";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
