package dev.orchestrator.tool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code list_comments}: the comments on an issue or pull request, optionally since a time. */
final class ListComments extends BaseTool {
  private static final int DATE_ONLY_LENGTH = "2024-05-01".length();

  ListComments() {
    super("list_comments");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    Optional<String> sinceText = args.optionalText("since");
    Optional<Instant> since = Optional.empty();
    if (sinceText.isPresent()) {
      // the schema checked the form; the calendar (month 13, day 31 of April) is checked here
      try {
        since = Optional.of(parse(sinceText.get()));
      } catch (DateTimeParseException e) {
        return ToolResult.failed(
            ErrorClasses.INVALID_ARGUMENTS,
            "tool \"list_comments\": argument \"since\" is not a real date or time, found \""
                + sinceText.get()
                + "\"");
      }
    }
    return ctx.repositoryPort().listComments(args.integer("number"), since);
  }

  /** A date means midnight UTC; a timestamp keeps its offset. */
  static Instant parse(String text) {
    if (text.length() == DATE_ONLY_LENGTH) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(text).toInstant();
  }
}
