package dev.orchestrator.tool;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What tools need from GitHub, always on the run's one repository (an implementation is bound to
 * it). Every method answers with a {@link ToolResult} and throws only for bugs:
 *
 * <ul>
 *   <li>{@link ToolResult.Ok} carrying GitHub's REST response JSON as documented for the endpoint;
 *   <li>{@link ToolResult.Failed} with an error class and a message naming the repository and
 *       number ({@code infrastructure} true for 5xx, timeouts and rate limits, false for 404, 422
 *       and permissions);
 *   <li>{@link ToolResult.Recorded} when a write is not sent (the offline implementation).
 * </ul>
 *
 * Arguments arrive validated: numbers are positive, texts within the schemas' limits, comment
 * bodies already neutralised and capped.
 */
public interface RepositoryPort {
  /** {@code GET /repos/{owner}/{repo}/issues/{number}}: the issue object. */
  ToolResult getIssue(int number);

  /** {@code GET /repos/{owner}/{repo}/pulls/{number}}: the pull request object. */
  ToolResult getPullRequest(int number);

  /**
   * {@code GET /repos/{owner}/{repo}/issues/{number}/comments}, every page, oldest first: a JSON
   * array of comments; with {@code since}, only comments updated at or after it.
   */
  ToolResult listComments(int number, Optional<Instant> since);

  /** {@code GET /repos/{owner}/{repo}/pulls/{number}/files}, every page: a JSON array. */
  ToolResult listPrFiles(int number);

  /**
   * {@code GET /repos/{owner}/{repo}/contents/{path}} at {@code ref} (the default branch when
   * empty): GitHub's content object ({@code type}, {@code path}, {@code sha}, {@code size}, {@code
   * encoding}, {@code content}), or its array for a directory. The tool decodes and checks it.
   */
  ToolResult getFile(String path, Optional<String> ref);

  /**
   * {@code GET /search/issues} with {@code q} = {@code query} plus {@code repo:<owner>/<repo>} (the
   * implementation adds the qualifier; the tool has refused queries naming another scope): {@code
   * {total_count, incomplete_results, items}} with at most {@code limit} items.
   */
  ToolResult searchIssues(String query, int limit);

  /**
   * {@code POST /repos/{owner}/{repo}/issues/{number}/comments} with body {@code
   * Bodies.withMarker(body, marker)}. The marker ({@code <!-- agent-out:<run>:<step> -->}) lets an
   * implementation look for the comment before repeating a post whose outcome was unknown.
   */
  ToolResult postComment(int number, String body, String marker);

  /** {@code POST /repos/{owner}/{repo}/issues/{number}/labels}: the issue's labels after. */
  ToolResult addLabels(int number, List<String> labels);

  /** {@code DELETE /repos/{owner}/{repo}/issues/{number}/labels/{label}}. */
  ToolResult removeLabel(int number, String label);

  /** {@code POST /repos/{owner}/{repo}/issues/{number}/assignees}: the issue after. */
  ToolResult assign(int number, List<String> assignees);

  /** {@code POST /repos/{owner}/{repo}/issues}: the new issue. */
  ToolResult createIssue(String title, String body, List<String> labels);

  /**
   * {@code POST /repos/{owner}/{repo}/check-runs}, completed with conclusion {@code neutral} and
   * {@code output {title: name, summary}} ({@link WriteRequest#createCheckRun} shows the body).
   */
  ToolResult createCheckRun(String name, String headSha, String summary);

  /**
   * {@code PATCH /repos/{owner}/{repo}/issues/{number}} with {@code state: closed} and {@code
   * state_reason} when given: the issue after.
   */
  ToolResult closeIssue(int number, Optional<String> reason);
}
