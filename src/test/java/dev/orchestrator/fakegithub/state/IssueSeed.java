package dev.orchestrator.fakegithub.state;

import dev.orchestrator.fakegithub.state.PullRequest.PullFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test says about an issue or pull request it puts in a repository. Unset values get
 * GitHub-like defaults: author {@code octocat}, state open, times from the fake's clock.
 */
public final class IssueSeed {
  final String title;
  String body;
  String author = "octocat";
  String state = "open";
  final List<String> labels = new ArrayList<>();
  final List<String> assignees = new ArrayList<>();
  Instant createdAt;
  Instant updatedAt;
  PullRequest pull;

  private IssueSeed(String title) {
    this.title = title;
  }

  /** A plain issue. */
  public static IssueSeed issue(String title) {
    return new IssueSeed(title);
  }

  /** A pull request from {@code headRef} at {@code headSha} into the default branch. */
  public static IssueSeed pullRequest(String title, String headRef, String headSha) {
    IssueSeed seed = new IssueSeed(title);
    seed.pull = new PullRequest(headSha, headRef, null, false, List.of());
    return seed;
  }

  /** The body. */
  public IssueSeed body(String value) {
    body = value;
    return this;
  }

  /** Who opened it. */
  public IssueSeed author(String login) {
    author = login;
    return this;
  }

  /** Closed (with reason {@code completed}) instead of open. */
  public IssueSeed closed() {
    state = "closed";
    return this;
  }

  /** Labels, created in the repository if missing. */
  public IssueSeed labels(String... names) {
    labels.addAll(List.of(names));
    return this;
  }

  /** Assignees. */
  public IssueSeed assignees(String... logins) {
    assignees.addAll(List.of(logins));
    return this;
  }

  /** Creation time (update time too, unless set). */
  public IssueSeed createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  /** Last update time, for {@code updated:<DATE} searches. */
  public IssueSeed updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  /** A changed file of the pull request. */
  public IssueSeed file(
      String filename, String status, int additions, int deletions, String patch) {
    if (pull == null) {
      throw new IllegalStateException("issue \"" + title + "\" is not a pull request");
    }
    List<PullFile> files = new ArrayList<>(pull.files());
    files.add(new PullFile(filename, status, additions, deletions, patch));
    pull = new PullRequest(pull.headSha(), pull.headRef(), pull.baseRef(), pull.draft(), files);
    return this;
  }
}
