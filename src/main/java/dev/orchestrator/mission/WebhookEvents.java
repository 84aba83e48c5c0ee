package dev.orchestrator.mission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub webhook events that carry an {@code action}, with their documented actions, so that a
 * trigger with a typo is an error rather than a mission that never runs. Events without an action
 * (such as {@code push}) cannot be written as {@code <event>.<action>} and are not listed.
 */
final class WebhookEvents {
  private static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put(
        "issues",
        List.of(
            "opened",
            "edited",
            "deleted",
            "transferred",
            "pinned",
            "unpinned",
            "closed",
            "reopened",
            "assigned",
            "unassigned",
            "labeled",
            "unlabeled",
            "locked",
            "unlocked",
            "milestoned",
            "demilestoned",
            "typed",
            "untyped"));
    ACTIONS.put("issue_comment", List.of("created", "edited", "deleted"));
    ACTIONS.put(
        "pull_request",
        List.of(
            "opened",
            "edited",
            "closed",
            "reopened",
            "synchronize",
            "assigned",
            "unassigned",
            "labeled",
            "unlabeled",
            "review_requested",
            "review_request_removed",
            "ready_for_review",
            "converted_to_draft",
            "locked",
            "unlocked",
            "milestoned",
            "demilestoned",
            "auto_merge_enabled",
            "auto_merge_disabled",
            "enqueued",
            "dequeued"));
    ACTIONS.put("pull_request_review", List.of("submitted", "edited", "dismissed"));
    ACTIONS.put("pull_request_review_comment", List.of("created", "edited", "deleted"));
    ACTIONS.put(
        "discussion",
        List.of(
            "created",
            "edited",
            "deleted",
            "transferred",
            "pinned",
            "unpinned",
            "labeled",
            "unlabeled",
            "locked",
            "unlocked",
            "category_changed",
            "answered",
            "unanswered",
            "closed",
            "reopened"));
    ACTIONS.put("discussion_comment", List.of("created", "edited", "deleted"));
    ACTIONS.put(
        "release",
        List.of(
            "published", "unpublished", "created", "edited", "deleted", "prereleased", "released"));
    ACTIONS.put("check_run", List.of("created", "completed", "rerequested", "requested_action"));
    ACTIONS.put("check_suite", List.of("completed", "requested", "rerequested"));
    ACTIONS.put("workflow_run", List.of("requested", "in_progress", "completed"));
  }

  private WebhookEvents() {}

  static List<String> events() {
    return List.copyOf(ACTIONS.keySet());
  }

  /** The actions of {@code event}, or empty for an event not listed. */
  static Optional<List<String>> actions(String event) {
    return Optional.ofNullable(ACTIONS.get(event));
  }
}
