package dev.orchestrator.mission;

import dev.orchestrator.tool.Risk;
import dev.orchestrator.tool.ToolNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code allowed_tools}: known tools, each once, and no destructive tool in a repository
 * mission. Returns the valid ones in the order written.
 */
final class AllowedTools {
  private AllowedTools() {}

  static List<String> validate(
      Optional<Located<List<Located<String>>>> written, MissionScope scope, Problems problems) {
    List<String> tools = new ArrayList<>();
    if (written.isEmpty()) {
      return tools;
    }
    if (written.get().value().isEmpty()) {
      problems.at(written.get(), "\"allowed_tools\": list at least one tool");
    }
    Map<String, Located<String>> seen = new HashMap<>();
    for (Located<String> tool : written.get().value()) {
      Optional<Risk> risk = ToolNames.riskOf(tool.value());
      Located<String> first = seen.putIfAbsent(tool.value(), tool);
      if (risk.isEmpty()) {
        problems.at(tool, "\"allowed_tools\": " + Tools.unknown(tool.value()));
      } else if (first != null) {
        problems.at(
            tool,
            "\"allowed_tools\": "
                + Words.quote(tool.value())
                + " is listed twice (first at "
                + first.position()
                + ")");
      } else if (scope == MissionScope.REPOSITORY && risk.get() == Risk.DESTRUCTIVE) {
        problems.at(
            tool,
            "\"allowed_tools\": "
                + Words.quote(tool.value())
                + " is destructive; repository missions may not use destructive tools");
      } else {
        tools.add(tool.value());
      }
    }
    return tools;
  }
}
