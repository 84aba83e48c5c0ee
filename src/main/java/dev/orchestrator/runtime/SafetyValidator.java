package dev.orchestrator.runtime;

import dev.orchestrator.mission.Mission;
import dev.orchestrator.tool.ArgumentCheck;
import dev.orchestrator.tool.Risk;
import dev.orchestrator.tool.Tool;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolRegistry;
import java.util.Optional;

/**
 * Every tool call of every planner passes here before it runs: the tool must be registered, in the
 * mission's {@code allowed_tools}, and called with valid arguments; destructive tools always need
 * approval, write tools need it when the mission says {@code requires_approval}. What a model says
 * cannot change any of this: the rules read only the mission and the registry.
 */
public final class SafetyValidator {
  private final ToolRegistry registry;

  public SafetyValidator(ToolRegistry registry) {
    this.registry = registry;
  }

  public Verdict check(ToolCall call, Mission mission) {
    Optional<Tool> tool = registry.find(call.name());
    if (tool.isEmpty()) {
      return new Verdict.Refused("unknown_tool", "tool \"" + call.name() + "\" does not exist");
    }
    if (!mission.allows(call.name())) {
      return new Verdict.Refused(
          "not_allowed",
          "tool \""
              + call.name()
              + "\" is not in the allowed_tools of mission \""
              + mission.name()
              + "\"");
    }
    ArgumentCheck args = tool.get().validate(call.arguments());
    if (!args.valid()) {
      return new Verdict.Refused("invalid_arguments", args.message());
    }
    Risk risk = tool.get().risk();
    if (risk == Risk.DESTRUCTIVE) {
      return new Verdict.NeedsApproval(
          "\"" + call.name() + "\" is destructive and always needs approval");
    }
    if (risk == Risk.WRITE && mission.requiresApproval()) {
      return new Verdict.NeedsApproval(
          "mission \"" + mission.name() + "\" requires approval before its write tools run");
    }
    return new Verdict.Allowed();
  }

  /** The risk of a registered tool. */
  public Risk riskOf(String tool) {
    return registry.get(tool).risk();
  }
}
