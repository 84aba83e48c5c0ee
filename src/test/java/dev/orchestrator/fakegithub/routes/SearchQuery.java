package dev.orchestrator.fakegithub.routes;

import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of GitHub's issue search syntax the fake understands: {@code is:open|closed|issue|pr},
 * {@code state:}, {@code type:}, {@code repo:o/r}, {@code label:x} (quoted names too, all must
 * match), {@code updated:<DATE} (and {@code <=}, {@code >}, {@code >=}), and bare words matched in
 * title or body. Anything else is listed in {@link #unsupported()} so the test fails rather than
 * getting a silently wrong answer.
 */
final class SearchQuery {
  private static final Pattern TOKEN =
      Pattern.compile("(-?[\\w.-]+):(\"[^\"]*\"|\\S+)|\"[^\"]*\"|\\S+");
  private static final Pattern UPDATED = Pattern.compile("(<=|>=|<|>)?(.+)");

  private final List<String> repos = new ArrayList<>();
  private final List<BiPredicate<FakeRepo, Issue>> filters = new ArrayList<>();
  private final List<String> unsupported = new ArrayList<>();

  SearchQuery(String q) {
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      if (m.group(1) == null) {
        word(unquote(m.group()));
      } else {
        qualifier(m.group(1).toLowerCase(Locale.ROOT), unquote(m.group(2)));
      }
    }
  }

  /** True when {@code issue} of {@code repo} matches; {@code repo} must be one {@link #covers}. */
  boolean matches(FakeRepo repo, Issue issue) {
    return filters.stream().allMatch(f -> f.test(repo, issue));
  }

  /** True when the query does not restrict repositories, or names this one. */
  boolean covers(FakeRepo repo) {
    return repos.isEmpty() || repos.stream().anyMatch(r -> r.equalsIgnoreCase(repo.fullName()));
  }

  /** Qualifiers the fake cannot evaluate. */
  List<String> unsupported() {
    return List.copyOf(unsupported);
  }

  private void qualifier(String name, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    switch (name) {
      case "repo" -> repos.add(value);
      case "is", "state", "type" -> kind(name, v);
      case "label" -> filters.add((r, i) -> i.labels().stream().anyMatch(v::equalsIgnoreCase));
      case "-label" -> filters.add((r, i) -> i.labels().stream().noneMatch(v::equalsIgnoreCase));
      case "updated" -> updated(value);
      default -> unsupported.add(name + ":" + value);
    }
  }

  private void kind(String name, String v) {
    switch (v) {
      case "open", "closed" -> filters.add((r, i) -> i.state().equals(v));
      case "issue" -> filters.add((r, i) -> !i.isPullRequest());
      case "pr", "pull-request" -> filters.add((r, i) -> i.isPullRequest());
      default -> unsupported.add(name + ":" + v);
    }
  }

  private void updated(String value) {
    Matcher m = UPDATED.matcher(value);
    Instant at;
    try {
      at = instant(m.matches() ? m.group(2) : value);
    } catch (DateTimeParseException e) {
      unsupported.add("updated:" + value);
      return;
    }
    String op = m.group(1) == null ? "=" : m.group(1);
    filters.add(
        (r, i) -> {
          int c = i.updatedAt().compareTo(at);
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default ->
                !i.updatedAt().isBefore(at) && i.updatedAt().isBefore(at.plusSeconds(86_400));
          };
        });
  }

  private void word(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    filters.add(
        (r, i) ->
            i.title().toLowerCase(Locale.ROOT).contains(w)
                || (i.body() != null && i.body().toLowerCase(Locale.ROOT).contains(w)));
  }

  /** {@code YYYY-MM-DD} is midnight UTC; a full ISO-8601 date-time is taken as is. */
  private static Instant instant(String value) {
    if (value.length() == 10) {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(value).toInstant();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
