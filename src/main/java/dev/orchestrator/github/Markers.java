package dev.orchestrator.github;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hidden markers of PRODUCT.md that make a comment findable: agent-run and agent-out. */
final class Markers {
  private static final Pattern MARKER = Pattern.compile("<!-- agent-(?:run|out):[^>]*? -->");

  private Markers() {}

  /** The first marker in {@code body}, exactly as written. */
  static Optional<String> find(String body) {
    Matcher m = MARKER.matcher(body);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
