package dev.orchestrator.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every GitHub operation the product performs, and nothing else. Repository operations act through
 * the repository's installation (App mode) or the configured token; App operations use the App JWT.
 * Every result is a {@link GitHubResult}: failures are values, and a write whose outcome is unknown
 * says so instead of being repeated.
 *
 * <p>Every operation goes through the rate-limit governor of its lane. When the lane must wait
 * longer than a worker should be held (a spent rate limit, a secondary limit, the reserve), the
 * result is {@link GitHubResult.Deferred}: nothing was sent (or GitHub refused it for the limit),
 * and the same operation may be tried again from its instant on. Records carry GitHub's JSON as
 * received ({@code json()}), which the tools hand on to later steps.
 *
 * <p>Comments whose body carries a hidden marker ({@code <!-- agent-run:… -->}, {@code <!--
 * agent-out:… -->}) are looked up by that marker when their creation's outcome is unknown, and
 * before they are written again after that, so a retried step never posts a duplicate.
 */
public interface GitHubGateway {
  // issues
  GitHubResult<Issue> getIssue(Repo repo, int number);

  GitHubResult<Issue> createIssue(Repo repo, String title, String body, List<String> labels);

  /**
   * The repository's open issues and pull requests (GitHub lists both), newest first, every page
   * (up to 30 of 100). No {@code creator} filter: it does not reliably match an App's bot user.
   */
  GitHubResult<List<Issue>> listOpenIssues(Repo repo);

  /** Replaces the issue's body; the issue after. */
  GitHubResult<Issue> editIssueBody(Repo repo, int number, String body);

  /** Closes the issue, with {@code state_reason} when given; the issue after. */
  GitHubResult<Issue> closeIssue(Repo repo, int number, Optional<CloseReason> reason);

  /** Adds labels; the issue's labels after. */
  GitHubResult<Labels> addLabels(Repo repo, int number, List<String> labels);

  /** Removing a label the issue does not have is not an error. */
  GitHubResult<Done> removeLabel(Repo repo, int number, String label);

  /** Adds assignees; the issue after. */
  GitHubResult<Issue> assign(Repo repo, int number, List<String> assignees);

  // pull requests
  GitHubResult<PullRequest> getPullRequest(Repo repo, int number);

  GitHubResult<List<PullRequestFile>> listPullRequestFiles(Repo repo, int number);

  // comments
  GitHubResult<List<Comment>> listComments(Repo repo, int number, Optional<Instant> since);

  GitHubResult<Comment> getComment(Repo repo, long commentId);

  GitHubResult<Comment> createComment(Repo repo, int number, String body);

  GitHubResult<Comment> updateComment(Repo repo, long commentId, String body);

  /** The comment on the issue whose body contains {@code marker}, if any. */
  GitHubResult<Optional<Comment>> findCommentByMarker(Repo repo, int number, String marker);

  // reactions on issue and pull-request comments
  /**
   * The comment's reactions. The transport revalidates a repeated read with the ETag it kept, so an
   * unchanged list costs no quota either way; with {@code etag} the caller asks itself, and an
   * unchanged list comes back as an empty optional (GitHub's 304).
   */
  GitHubResult<Optional<Tagged<List<Reaction>>>> listReactions(
      Repo repo, long commentId, Optional<String> etag);

  /** Reacting twice with the same content returns the existing reaction. */
  GitHubResult<Reaction> createReaction(Repo repo, long commentId, String content);

  GitHubResult<Done> deleteReaction(Repo repo, long commentId, long reactionId);

  // check runs
  GitHubResult<CheckRun> createCheckRun(Repo repo, CheckRunRequest request);

  GitHubResult<CheckRun> updateCheckRun(Repo repo, long checkRunId, CheckRunRequest request);

  // search and contents
  /** Issues and pull requests of this repository only ({@code repo:owner/name} is added). */
  GitHubResult<SearchResult> searchIssues(Repo repo, String query, int limit);

  /** A file at {@code ref} (default branch when empty); conditional like {@link #listReactions}. */
  GitHubResult<Optional<Tagged<RepoFile>>> getFile(
      Repo repo, String path, Optional<String> ref, Optional<String> etag);

  /**
   * The entries directly in directory {@code path} at {@code ref} (default branch when empty),
   * conditional like {@link #listReactions}. A path that is a file fails; a missing one is {@link
   * GitHubResult.NotFound}. GitHub lists at most 1,000 entries of a directory.
   */
  GitHubResult<Optional<Tagged<List<RepoEntry>>>> listDirectory(
      Repo repo, String path, Optional<String> ref, Optional<String> etag);

  GitHubResult<String> defaultBranch(Repo repo);

  /**
   * {@code role_name} and legacy {@code permission}; a 404 means no access ({@link
   * Permission#NONE}).
   */
  GitHubResult<Permission> permission(Repo repo, String login);

  // the App itself (App mode only; in token mode these fail with a message saying so)
  GitHubResult<AppIdentity> appIdentity();

  GitHubResult<List<Installation>> listInstallations();

  GitHubResult<Installation> installation(long installationId);

  GitHubResult<Installation> installationFor(Repo repo);

  /**
   * The id of the App's installation on {@code repo}, from the lookups every call on a repository
   * shares (asked of GitHub once per repository).
   */
  GitHubResult<Long> installationIdOf(Repo repo);

  /** One page of the App's webhook deliveries, newest first; {@code perPage} ≤ 100. */
  GitHubResult<WebhookDelivery.Page> listDeliveries(int perPage, Optional<String> cursor);

  /** Asks GitHub to send delivery {@code deliveryId} again (GitHub answers 202). */
  GitHubResult<Done> redeliver(long deliveryId);
}
