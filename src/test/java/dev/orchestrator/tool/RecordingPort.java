package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fake of {@link RepositoryPort}: records each call as one line ({@code postComment 12 "body"
 * "marker"}) and answers with {@link #next}, by default an Ok naming the method.
 */
final class RecordingPort implements RepositoryPort {
  final List<String> calls = new ArrayList<>();
  ToolResult next;

  private ToolResult answer(String method, Object... args) {
    StringBuilder line = new StringBuilder(method);
    for (Object arg : args) {
      line.append(' ').append(arg instanceof String ? "\"" + arg + "\"" : String.valueOf(arg));
    }
    calls.add(line.toString());
    if (next != null) {
      return next;
    }
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("answered", method);
    return ToolResult.ok(output);
  }

  @Override
  public ToolResult getIssue(int number) {
    return answer("getIssue", number);
  }

  @Override
  public ToolResult getPullRequest(int number) {
    return answer("getPullRequest", number);
  }

  @Override
  public ToolResult listComments(int number, Optional<Instant> since) {
    return answer("listComments", number, since);
  }

  @Override
  public ToolResult listPrFiles(int number) {
    return answer("listPrFiles", number);
  }

  @Override
  public ToolResult getFile(String path, Optional<String> ref) {
    return answer("getFile", path, ref);
  }

  @Override
  public ToolResult searchIssues(String query, int limit) {
    return answer("searchIssues", query, limit);
  }

  @Override
  public ToolResult postComment(int number, String body, String marker) {
    return answer("postComment", number, body, marker);
  }

  @Override
  public ToolResult addLabels(int number, List<String> labels) {
    return answer("addLabels", number, labels);
  }

  @Override
  public ToolResult removeLabel(int number, String label) {
    return answer("removeLabel", number, label);
  }

  @Override
  public ToolResult assign(int number, List<String> assignees) {
    return answer("assign", number, assignees);
  }

  @Override
  public ToolResult createIssue(String title, String body, List<String> labels) {
    return answer("createIssue", title, body, labels);
  }

  @Override
  public ToolResult createCheckRun(String name, String headSha, String summary) {
    return answer("createCheckRun", name, headSha, summary);
  }

  @Override
  public ToolResult closeIssue(int number, Optional<String> reason) {
    return answer("closeIssue", number, reason);
  }
}
