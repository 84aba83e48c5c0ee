package dev.orchestrator.fakegithub.state;

import java.time.Instant;
import java.util.List;

/**
 * An issue or pull request (GitHub numbers both from one sequence).
 *
 * @param id global id
 * @param number the number within the repository
 * @param title title
 * @param body body, may be null
 * @param state {@code open} or {@code closed}
 * @param stateReason {@code completed}, {@code not_planned}, {@code reopened}, … or null
 * @param labels label names in the order they were applied
 * @param assignees assignee logins
 * @param author who opened it
 * @param createdAt creation time
 * @param updatedAt last change
 * @param closedAt when it was closed, or null
 * @param pull pull-request data, or null for a plain issue
 */
public record Issue(
    long id,
    int number,
    String title,
    String body,
    String state,
    String stateReason,
    List<String> labels,
    List<String> assignees,
    Actor author,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    PullRequest pull) {

  /** Normalises the lists to immutable copies. */
  public Issue {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }

  /** True when this number is a pull request. */
  public boolean isPullRequest() {
    return pull != null;
  }

  /** True while open. */
  public boolean isOpen() {
    return "open".equals(state);
  }

  /** A copy with a new title, body, labels and assignees, touched at {@code now}. */
  public Issue edited(
      String newTitle,
      String newBody,
      List<String> newLabels,
      List<String> newAssignees,
      Instant now) {
    return new Issue(
        id,
        number,
        newTitle,
        newBody,
        state,
        stateReason,
        newLabels,
        newAssignees,
        author,
        createdAt,
        now,
        closedAt,
        pull);
  }

  /** A copy in {@code newState}, with GitHub's bookkeeping of reason and close time. */
  public Issue withState(String newState, String reason, Instant now) {
    if (newState.equals(state)) {
      return new Issue(
          id,
          number,
          title,
          body,
          state,
          reason == null ? stateReason : reason,
          labels,
          assignees,
          author,
          createdAt,
          now,
          closedAt,
          pull);
    }
    boolean closing = "closed".equals(newState);
    String newReason = closing ? (reason == null ? "completed" : reason) : "reopened";
    return new Issue(
        id,
        number,
        title,
        body,
        newState,
        newReason,
        labels,
        assignees,
        author,
        createdAt,
        now,
        closing ? now : null,
        pull);
  }

  /** A copy whose update time is {@code now}. */
  public Issue touched(Instant now) {
    return new Issue(
        id,
        number,
        title,
        body,
        state,
        stateReason,
        labels,
        assignees,
        author,
        createdAt,
        now,
        closedAt,
        pull);
  }
}
