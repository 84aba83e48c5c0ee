package dev.orchestrator.fakegithub.routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path-segment encoding for URLs the fake writes into responses. */
final class Paths {
  private Paths() {}

  /** Encodes one path segment (spaces as {@code %20}, not {@code +}). */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Encodes a slash-separated path segment by segment. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(encode(segment));
    }
    return out.toString();
  }
}
