package dev.orchestrator.mission;

import java.util.List;

/**
 * The slash commands the product answers itself. Built-in names win over missions, so the loader
 * rejects a mission whose name or {@code command} is one of these.
 */
public final class BuiltinCommands {
  public static final List<String> NAMES =
      List.of(
          "help", "missions", "run", "status", "history", "approve", "reject", "cancel", "explain");

  private BuiltinCommands() {}

  public static boolean isBuiltin(String word) {
    return NAMES.contains(word);
  }
}
