package dev.orchestrator.fakegithub;

import java.util.List;
import java.util.Map;

/** The permissions and events of the fake's app: what the product's tools need. */
final class FakeAppDefaults {
  static final Map<String, String> PERMISSIONS =
      Map.of(
          "metadata", "read",
          "contents", "read",
          "issues", "write",
          "pull_requests", "write",
          "checks", "write");

  static final List<String> EVENTS =
      List.of("issues", "issue_comment", "pull_request", "push", "check_run");

  private FakeAppDefaults() {}
}
