package dev.orchestrator.tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tools a run may call, by name: an explicit map, checked when built. {@link #standard()} is
 * PRODUCT.md's table exactly, in its order.
 */
public final class ToolRegistry {
  private final Map<String, Tool> tools;

  /** A registry of {@code tools}; two tools of one name are a bug. */
  public ToolRegistry(List<? extends Tool> tools) {
    Map<String, Tool> byName = new LinkedHashMap<>();
    for (Tool tool : tools) {
      if (byName.putIfAbsent(tool.name(), tool) != null) {
        throw new IllegalArgumentException("tool \"" + tool.name() + "\" is registered twice");
      }
    }
    this.tools = Collections.unmodifiableMap(byName);
  }

  /** Every tool of the product, checked against {@link ToolNames}: same names, risks and order. */
  public static ToolRegistry standard() {
    ToolRegistry registry =
        new ToolRegistry(
            List.of(
                new GetIssue(),
                new GetPullRequest(),
                new ListComments(),
                new ListPrFiles(),
                new GetFile(),
                new SearchIssues(),
                new GetHealth(),
                new PostComment(),
                new AddLabels(),
                new RemoveLabel(),
                new Assign(),
                new CreateIssue(),
                new CreateCheckRun(),
                new CloseIssue()));
    Map<String, Risk> risks = new LinkedHashMap<>();
    registry.tools.values().forEach(t -> risks.put(t.name(), t.risk()));
    if (!new ArrayList<>(risks.entrySet()).equals(new ArrayList<>(ToolNames.all().entrySet()))) {
      throw new IllegalStateException(
          "the tool registry " + risks + " differs from the product's table " + ToolNames.all());
    }
    return registry;
  }

  /** The tool called {@code name}, if registered. */
  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  /** The tool called {@code name}; asking for an unregistered name is a bug. */
  public Tool get(String name) {
    Tool tool = tools.get(name);
    if (tool == null) {
      throw new IllegalArgumentException("unknown tool \"" + name + "\"");
    }
    return tool;
  }

  /** Every tool, in registration order. */
  public List<Tool> all() {
    return List.copyOf(tools.values());
  }

  /** Every tool name, in registration order. */
  public Set<String> names() {
    return tools.keySet();
  }

  /** Checks a call of a registered tool (an unregistered name is a bug: check it first). */
  public ArgumentCheck validate(ToolCall call) {
    return get(call.name()).validate(call.arguments());
  }

  /**
   * Runs {@code call}: {@link ErrorClasses#UNKNOWN_TOOL} for a name not registered, otherwise the
   * tool's own {@link Tool#execute} (which validates, and records writes in a dry run).
   */
  public ToolResult execute(ToolCall call, ToolContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Tool tool = tools.get(call.name());
    if (tool == null) {
      return ToolResult.failed(
          ErrorClasses.UNKNOWN_TOOL,
          "unknown tool \"" + call.name() + "\"; known tools: " + String.join(", ", names()));
    }
    return tool.execute(call, ctx);
  }
}
