package dev.orchestrator.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gateway over our transport, for one {@link Priority}: direct calls where the tools need
 * GitHub's JSON, kohsuke for the repository and the App's own objects.
 */
final class DefaultGitHubGateway implements GitHubGateway {
  private final IssueCalls issues;
  private final RepositoryCalls repositories;
  private final AppCalls app;
  private final Clients clients;

  DefaultGitHubGateway(Clients clients) {
    this.clients = clients;
    this.issues = new IssueCalls(clients);
    this.repositories = new RepositoryCalls(clients);
    this.app = new AppCalls(clients);
  }

  @Override
  public GitHubResult<Issue> getIssue(Repo repo, int number) {
    return issues.getIssue(repo, number);
  }

  @Override
  public GitHubResult<Issue> createIssue(
      Repo repo, String title, String body, List<String> labels) {
    return issues.createIssue(repo, title, body, labels);
  }

  @Override
  public GitHubResult<List<Issue>> listOpenIssues(Repo repo) {
    return issues.listOpenIssues(repo);
  }

  @Override
  public GitHubResult<Issue> editIssueBody(Repo repo, int number, String body) {
    return issues.editIssueBody(repo, number, body);
  }

  @Override
  public GitHubResult<Issue> closeIssue(Repo repo, int number, Optional<CloseReason> reason) {
    return issues.closeIssue(repo, number, reason);
  }

  @Override
  public GitHubResult<Labels> addLabels(Repo repo, int number, List<String> labels) {
    return issues.addLabels(repo, number, labels);
  }

  @Override
  public GitHubResult<Done> removeLabel(Repo repo, int number, String label) {
    return issues.removeLabel(repo, number, label);
  }

  @Override
  public GitHubResult<Issue> assign(Repo repo, int number, List<String> assignees) {
    return issues.assign(repo, number, assignees);
  }

  @Override
  public GitHubResult<PullRequest> getPullRequest(Repo repo, int number) {
    return repositories.getPullRequest(repo, number);
  }

  @Override
  public GitHubResult<List<PullRequestFile>> listPullRequestFiles(Repo repo, int number) {
    return repositories.listPullRequestFiles(repo, number);
  }

  @Override
  public GitHubResult<List<Comment>> listComments(Repo repo, int number, Optional<Instant> since) {
    return issues.listComments(repo, number, since);
  }

  @Override
  public GitHubResult<Comment> getComment(Repo repo, long commentId) {
    return issues.getComment(repo, commentId);
  }

  @Override
  public GitHubResult<Comment> createComment(Repo repo, int number, String body) {
    return issues.createComment(repo, number, body);
  }

  @Override
  public GitHubResult<Comment> updateComment(Repo repo, long commentId, String body) {
    return issues.updateComment(repo, commentId, body);
  }

  @Override
  public GitHubResult<Optional<Comment>> findCommentByMarker(Repo repo, int number, String marker) {
    return issues.findCommentByMarker(repo, number, marker);
  }

  @Override
  public GitHubResult<Optional<Tagged<List<Reaction>>>> listReactions(
      Repo repo, long commentId, Optional<String> etag) {
    return issues.listReactions(repo, commentId, etag);
  }

  @Override
  public GitHubResult<Reaction> createReaction(Repo repo, long commentId, String content) {
    return issues.createReaction(repo, commentId, content);
  }

  @Override
  public GitHubResult<Done> deleteReaction(Repo repo, long commentId, long reactionId) {
    return issues.deleteReaction(repo, commentId, reactionId);
  }

  @Override
  public GitHubResult<CheckRun> createCheckRun(Repo repo, CheckRunRequest request) {
    return repositories.createCheckRun(repo, request);
  }

  @Override
  public GitHubResult<CheckRun> updateCheckRun(
      Repo repo, long checkRunId, CheckRunRequest request) {
    return repositories.updateCheckRun(repo, checkRunId, request);
  }

  @Override
  public GitHubResult<SearchResult> searchIssues(Repo repo, String query, int limit) {
    return repositories.searchIssues(repo, query, limit);
  }

  @Override
  public GitHubResult<Optional<Tagged<RepoFile>>> getFile(
      Repo repo, String path, Optional<String> ref, Optional<String> etag) {
    return repositories.getFile(repo, path, ref, etag);
  }

  @Override
  public GitHubResult<Optional<Tagged<List<RepoEntry>>>> listDirectory(
      Repo repo, String path, Optional<String> ref, Optional<String> etag) {
    return repositories.listDirectory(repo, path, ref, etag);
  }

  @Override
  public GitHubResult<String> defaultBranch(Repo repo) {
    return repositories.defaultBranch(repo);
  }

  @Override
  public GitHubResult<Permission> permission(Repo repo, String login) {
    return repositories.permission(repo, login);
  }

  @Override
  public GitHubResult<AppIdentity> appIdentity() {
    return app.appIdentity();
  }

  @Override
  public GitHubResult<List<Installation>> listInstallations() {
    return app.listInstallations();
  }

  @Override
  public GitHubResult<Installation> installation(long installationId) {
    return app.installation(installationId);
  }

  @Override
  public GitHubResult<Installation> installationFor(Repo repo) {
    return app.installationFor(repo);
  }

  @Override
  public GitHubResult<Long> installationIdOf(Repo repo) {
    return clients.installationId(repo, "reading the installation of \"" + repo + "\"");
  }

  @Override
  public GitHubResult<WebhookDelivery.Page> listDeliveries(int perPage, Optional<String> cursor) {
    return app.listDeliveries(perPage, cursor);
  }

  @Override
  public GitHubResult<Done> redeliver(long deliveryId) {
    return app.redeliver(deliveryId);
  }
}
