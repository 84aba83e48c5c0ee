package dev.orchestrator.mission;

import dev.orchestrator.tool.ToolNames;

/** Messages about tool names. */
final class Tools {
  private Tools() {}

  /** {@code unknown tool "x"}, with the near tool or, failing that, every tool. */
  static String unknown(String name) {
    String near = Words.didYouMean(name, ToolNames.all().keySet());
    return "unknown tool "
        + Words.quote(name)
        + (near.isEmpty() ? "; known tools: " + String.join(", ", ToolNames.all().keySet()) : near);
  }
}
