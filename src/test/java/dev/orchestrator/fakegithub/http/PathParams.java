package dev.orchestrator.fakegithub.http;

import java.util.Map;

/** GitHub's numeric path parameters ({@code *_number}, {@code *_id}) must be numbers. */
final class PathParams {
  private PathParams() {}

  static boolean wellFormed(Map<String, String> params) {
    for (Map.Entry<String, String> e : params.entrySet()) {
      boolean numeric = e.getKey().endsWith("_number") || e.getKey().endsWith("_id");
      if (numeric && !e.getValue().matches("[0-9]{1,18}")) {
        return false;
      }
      if (e.getValue().isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
