package dev.orchestrator.fakegithub;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The permissions and events of the fake's app: what the product's tools need. */
final class FakeAppDefaults {
  // sorted, so answers (and their ETags) do not depend on hash order
  static final Map<String, String> PERMISSIONS =
      Collections.unmodifiableSortedMap(
          new TreeMap<>(
              Map.of(
                  "metadata", "read",
                  "contents", "read",
                  "issues", "write",
                  "pull_requests", "write",
                  "checks", "write")));

  static final List<String> EVENTS =
      List.of("issues", "issue_comment", "pull_request", "push", "check_run");

  private FakeAppDefaults() {}
}
