package dev.orchestrator.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.tool.RepositoryPort;
import dev.orchestrator.tool.ToolResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A repository port that records every call and answers what the test scripted per method. */
public class ScriptedRepository implements RepositoryPort {
  public final List<String> calls = new ArrayList<>();

  /** The bodies of posted comments, in order. */
  public final List<String> posted = new ArrayList<>();

  private final Map<String, ToolResult> answers = new HashMap<>();
  // per method, the next calls' answers in order; empty: answer as unscripted
  private final Map<String, Deque<Optional<ToolResult>>> once = new HashMap<>();

  /** {@code method} (e.g. "searchIssues") answers {@code result} from now on. */
  public ScriptedRepository answer(String method, ToolResult result) {
    answers.put(method, result);
    return this;
  }

  /**
   * The {@code nth} call of {@code method} from now on (1 is the next one) answers {@code result};
   * the calls before and after it answer as before.
   */
  public synchronized ScriptedRepository answerCall(String method, int nth, ToolResult result) {
    Deque<Optional<ToolResult>> queue = once.computeIfAbsent(method, m -> new ArrayDeque<>());
    while (queue.size() < nth - 1) {
      queue.add(Optional.empty());
    }
    queue.add(Optional.of(result));
    return this;
  }

  private synchronized ToolResult call(String method, Object... args) {
    StringBuilder line = new StringBuilder(method);
    for (Object a : args) {
      line.append(' ').append(a);
    }
    calls.add(line.toString());
    Deque<Optional<ToolResult>> scripted = once.getOrDefault(method, new ArrayDeque<>());
    Optional<ToolResult> next = scripted.isEmpty() ? Optional.empty() : scripted.poll();
    if (next.isPresent()) {
      return next.get();
    }
    ToolResult r = answers.get(method);
    if (r != null) {
      return r;
    }
    ObjectNode ok = JsonNodeFactory.instance.objectNode();
    ok.put("answered", method);
    return ToolResult.ok(ok);
  }

  @Override
  public ToolResult getIssue(int number) {
    return call("getIssue", number);
  }

  @Override
  public ToolResult getPullRequest(int number) {
    return call("getPullRequest", number);
  }

  @Override
  public ToolResult listComments(int number, Optional<Instant> since) {
    return call("listComments", number);
  }

  @Override
  public ToolResult listPrFiles(int number) {
    return call("listPrFiles", number);
  }

  @Override
  public ToolResult getFile(String path, Optional<String> ref) {
    return call("getFile", path);
  }

  @Override
  public ToolResult searchIssues(String query, int limit) {
    return call("searchIssues", query, limit);
  }

  @Override
  public synchronized ToolResult postComment(int number, String body, String marker) {
    posted.add(body);
    return call("postComment", number, marker);
  }

  @Override
  public ToolResult addLabels(int number, List<String> labels) {
    return call("addLabels", number, labels);
  }

  @Override
  public ToolResult removeLabel(int number, String label) {
    return call("removeLabel", number, label);
  }

  @Override
  public ToolResult assign(int number, List<String> assignees) {
    return call("assign", number, assignees);
  }

  @Override
  public ToolResult createIssue(String title, String body, List<String> labels) {
    return call("createIssue", title);
  }

  @Override
  public ToolResult createCheckRun(String name, String headSha, String summary) {
    return call("createCheckRun", name, headSha);
  }

  @Override
  public ToolResult closeIssue(int number, Optional<String> reason) {
    return call("closeIssue", number, reason.orElse(""));
  }
}
