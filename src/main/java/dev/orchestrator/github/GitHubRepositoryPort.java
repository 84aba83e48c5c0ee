package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orchestrator.tool.Bodies;
import dev.orchestrator.tool.ErrorClasses;
import dev.orchestrator.tool.RepositoryPort;
import dev.orchestrator.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tools' {@link RepositoryPort} acting on GitHub, for one repository, through the gateway (and
 * so through the governor, the ETag cache and the installation's breaker). Successes carry GitHub's
 * JSON as received; a deferral by the rate-limit governor becomes {@link ToolResult.Deferred};
 * every other {@link GitHubResult} becomes a {@link ToolResult.Failed} with one of the error
 * classes below. Infrastructure failures (5xx, timeouts, connection errors, an open breaker, a
 * write with an unknown outcome) are marked so; refusals are not.
 */
public final class GitHubRepositoryPort implements RepositoryPort {
  /** 404: the thing does not exist, or the installation cannot see it. */
  public static final String NOT_FOUND = "github_not_found";

  /** 401 or 403 that is not a rate limit: the App lacks a permission. */
  public static final String FORBIDDEN = "github_forbidden";

  /** 422: GitHub rejected the request's content (an unknown label, a bad SHA). */
  public static final String UNPROCESSABLE = "github_unprocessable";

  /** Any other 4xx. */
  public static final String REFUSED = "github_refused";

  /** GitHub answered 5xx (after retries, for reads). */
  public static final String SERVER_ERROR = "github_5xx";

  /** No connection or no answer in time. */
  public static final String TIMEOUT = "github_timeout";

  /** The connection failed, or no installation token could be had. */
  public static final String UNAVAILABLE = "github_unavailable";

  /** The installation's breaker is open after repeated failures; nothing was sent. */
  public static final String BREAKER_OPEN = "github_breaker_open";

  /** A write was sent and no answer came: it may have happened. */
  public static final String OUTCOME_UNKNOWN = "github_outcome_unknown";

  /**
   * The lane must wait for a rate limit; nothing was done and the step runs again later (the class
   * of {@link ToolResult.Deferred}).
   */
  public static final String RATE_LIMITED = ToolResult.Deferred.ERROR_CLASS;

  /** The operation needs a mode or credentials that are not configured. */
  public static final String NOT_CONFIGURED = "github_not_configured";

  /** GitHub answered with something the operation cannot read. */
  public static final String UNEXPECTED = "github_unexpected_answer";

  private final GitHubGateway gateway;
  private final Repo repo;
  private final boolean retried;

  /** Acts on {@code repo} (with its installation, when known) through {@code gateway}. */
  public GitHubRepositoryPort(GitHubGateway gateway, Repo repo) {
    this(gateway, repo, false);
  }

  /**
   * The same, for a run that an earlier attempt may have executed in part ({@code retried}: its
   * worker died or it was put back): a comment it would post is first looked up by its marker, so
   * the comment the earlier attempt posted is not posted twice.
   */
  public GitHubRepositoryPort(GitHubGateway gateway, Repo repo, boolean retried) {
    this.gateway = gateway;
    this.repo = repo;
    this.retried = retried;
  }

  @Override
  public ToolResult getIssue(int number) {
    return result(gateway.getIssue(repo, number), Issue::json);
  }

  @Override
  public ToolResult getPullRequest(int number) {
    return result(gateway.getPullRequest(repo, number), PullRequest::json);
  }

  @Override
  public ToolResult listComments(int number, Optional<Instant> since) {
    return result(gateway.listComments(repo, number, since), all -> array(all, Comment::json));
  }

  @Override
  public ToolResult listPrFiles(int number) {
    return result(
        gateway.listPullRequestFiles(repo, number), all -> array(all, PullRequestFile::json));
  }

  @Override
  public ToolResult getFile(String path, Optional<String> ref) {
    GitHubResult<Optional<Tagged<RepoFile>>> read =
        gateway.getFile(repo, path, ref, Optional.empty());
    if (read instanceof GitHubResult.Failed<?> f && f.kind() == FailureKind.UNEXPECTED) {
      // a directory, a symlink or a file too large to inline: the tool's own class for it
      return ToolResult.failed(ErrorClasses.NOT_A_FILE, f.message());
    }
    return result(
        read,
        file ->
            file.orElseThrow(
                    () ->
                        new IllegalStateException(
                            "an unconditional read of \"" + path + "\" came back unchanged"))
                .value()
                .json());
  }

  @Override
  public ToolResult searchIssues(String query, int limit) {
    return result(gateway.searchIssues(repo, query, limit), SearchResult::json);
  }

  @Override
  public ToolResult postComment(int number, String body, String marker) {
    if (retried) {
      GitHubResult<Optional<Comment>> earlier = gateway.findCommentByMarker(repo, number, marker);
      if (!(earlier instanceof GitHubResult.Ok<Optional<Comment>> ok)) {
        return result(earlier, found -> Json.object()); // cannot tell: do not post blind
      }
      if (ok.value().isPresent()) {
        return ToolResult.ok(ok.value().get().json());
      }
    }
    // the marker lets the gateway find the comment when a post's outcome was unknown
    return result(
        gateway.createComment(repo, number, Bodies.withMarker(body, marker)), Comment::json);
  }

  @Override
  public ToolResult addLabels(int number, List<String> labels) {
    return result(gateway.addLabels(repo, number, labels), Labels::json);
  }

  /** GitHub's answer is not kept: removing a label the issue does not carry is a success too. */
  @Override
  public ToolResult removeLabel(int number, String label) {
    return result(gateway.removeLabel(repo, number, label), done -> Json.object());
  }

  @Override
  public ToolResult assign(int number, List<String> assignees) {
    return result(gateway.assign(repo, number, assignees), Issue::json);
  }

  @Override
  public ToolResult createIssue(String title, String body, List<String> labels) {
    return result(gateway.createIssue(repo, title, body, labels), Issue::json);
  }

  /** Exactly the body {@code WriteRequest.createCheckRun} records: completed, neutral. */
  @Override
  public ToolResult createCheckRun(String name, String headSha, String summary) {
    CheckRunRequest request =
        new CheckRunRequest(
            Optional.of(name),
            Optional.of(headSha),
            Optional.of("completed"),
            Optional.of("neutral"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new CheckRunRequest.Output(name, summary, Optional.empty())),
            List.of());
    return result(gateway.createCheckRun(repo, request), CheckRun::json);
  }

  @Override
  public ToolResult closeIssue(int number, Optional<String> reason) {
    return result(gateway.closeIssue(repo, number, reason.map(this::closeReason)), Issue::json);
  }

  private CloseReason closeReason(String value) {
    for (CloseReason r : CloseReason.values()) {
      if (r.apiValue().equals(value)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "close reason \"" + value + "\" passed the tool's schema but is not GitHub's");
  }

  /** The tool result of a gateway result: GitHub's JSON, or the failure with its class. */
  static <T> ToolResult result(GitHubResult<T> r, Function<T, JsonNode> output) {
    if (r instanceof GitHubResult.Ok<T> ok) {
      return ToolResult.ok(output.apply(ok.value()));
    }
    String message = r.describe();
    if (r instanceof GitHubResult.NotFound) {
      return ToolResult.failed(NOT_FOUND, message);
    }
    if (r instanceof GitHubResult.OutcomeUnknown) {
      return ToolResult.infrastructureFailure(OUTCOME_UNKNOWN, message);
    }
    if (r instanceof GitHubResult.Deferred<T> later) {
      // not performed: the run waits in the queue and makes this very call again
      return new ToolResult.Deferred(later.notBefore(), later.message());
    }
    GitHubResult.Failed<T> failed = (GitHubResult.Failed<T>) r;
    String errorClass = errorClass(failed);
    return failed.infrastructure()
        ? ToolResult.infrastructureFailure(errorClass, message)
        : ToolResult.failed(errorClass, message);
  }

  private static String errorClass(GitHubResult.Failed<?> f) {
    switch (f.kind()) {
      case SERVER_ERROR:
        return SERVER_ERROR;
      case TIMEOUT:
        return TIMEOUT;
      case UNREACHABLE:
      case NO_TOKEN:
        return UNAVAILABLE;
      case BREAKER_OPEN:
        return BREAKER_OPEN;
      case NOT_CONFIGURED:
        return NOT_CONFIGURED;
      case UNEXPECTED:
        return UNEXPECTED;
      default:
        if (f.status() == 401 || f.status() == 403) {
          return FORBIDDEN;
        }
        return f.status() == 422 ? UNPROCESSABLE : REFUSED;
    }
  }

  private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> json) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    items.forEach(i -> out.add(json.apply(i)));
    return out;
  }

  @Override
  public String toString() {
    return "GitHubRepositoryPort[" + repo + "]";
  }
}
