package dev.orchestrator.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.tool.Bodies;
import dev.orchestrator.tool.RepositoryPort;
import dev.orchestrator.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A test-only {@link RepositoryPort} over the {@link GitHubGateway}, for the tools the {@code
 * issue-triage} mission allows ({@code get_issue}, {@code add_labels}, {@code post_comment}). The
 * production adapter belongs to the GitHub package; until it exists this one lets a real run reach
 * the FakeGitHub. Outputs carry the documented field names the gateway's records keep; any other
 * tool fails the test loudly rather than answering something made up.
 */
final class GatewayRepositoryPort implements RepositoryPort {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final GitHubGateway gateway;
  private final Repo repo;

  GatewayRepositoryPort(GitHubGateway gateway, Repo repo) {
    this.gateway = gateway;
    this.repo = repo;
  }

  @Override
  public ToolResult getIssue(int number) {
    return tool(gateway.getIssue(repo, number), GatewayRepositoryPort::issue);
  }

  @Override
  public ToolResult addLabels(int number, List<String> labels) {
    return tool(
        gateway.addLabels(repo, number, labels).flatMap(done -> gateway.getIssue(repo, number)),
        i -> {
          ArrayNode out = JSON.arrayNode();
          i.labels().forEach(name -> out.addObject().put("name", name));
          return out;
        });
  }

  @Override
  public ToolResult postComment(int number, String body, String marker) {
    return tool(
        gateway.createComment(repo, number, Bodies.withMarker(body, marker)),
        c -> {
          ObjectNode out = JSON.objectNode();
          out.put("id", c.id());
          out.put("body", c.body());
          out.put("html_url", c.htmlUrl());
          out.putObject("user").put("login", c.author());
          return out;
        });
  }

  private static ObjectNode issue(Issue i) {
    ObjectNode out = JSON.objectNode();
    out.put("number", i.number());
    out.put("title", i.title());
    out.put("body", i.body());
    out.put("state", i.state());
    out.put("html_url", i.htmlUrl());
    out.putObject("user").put("login", i.author());
    ArrayNode labels = out.putArray("labels");
    i.labels().forEach(name -> labels.addObject().put("name", name));
    return out;
  }

  private <T> ToolResult tool(
      GitHubResult<T> result, Function<T, com.fasterxml.jackson.databind.JsonNode> json) {
    if (result instanceof GitHubResult.Ok<T> ok) {
      return ToolResult.ok(json.apply(ok.value()));
    }
    String message = result.describe();
    return result.infrastructure()
        ? ToolResult.infrastructureFailure("github_unavailable", message)
        : ToolResult.failed("github_refused", message);
  }

  private static UnsupportedOperationException notForTriage(String tool) {
    return new UnsupportedOperationException(
        "tool \"" + tool + "\" is not allowed by issue-triage, so this test adapter lacks it");
  }

  @Override
  public ToolResult getPullRequest(int number) {
    throw notForTriage("get_pull_request");
  }

  @Override
  public ToolResult listComments(int number, Optional<Instant> since) {
    throw notForTriage("list_comments");
  }

  @Override
  public ToolResult listPrFiles(int number) {
    throw notForTriage("list_pr_files");
  }

  @Override
  public ToolResult getFile(String path, Optional<String> ref) {
    throw notForTriage("get_file");
  }

  @Override
  public ToolResult searchIssues(String query, int limit) {
    throw notForTriage("search_issues");
  }

  @Override
  public ToolResult removeLabel(int number, String label) {
    throw notForTriage("remove_label");
  }

  @Override
  public ToolResult assign(int number, List<String> assignees) {
    throw notForTriage("assign");
  }

  @Override
  public ToolResult createIssue(String title, String body, List<String> labels) {
    throw notForTriage("create_issue");
  }

  @Override
  public ToolResult createCheckRun(String name, String headSha, String summary) {
    throw notForTriage("create_check_run");
  }

  @Override
  public ToolResult closeIssue(int number, Optional<String> reason) {
    throw notForTriage("close_issue");
  }
}
