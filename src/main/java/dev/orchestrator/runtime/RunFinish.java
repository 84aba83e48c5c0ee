package dev.orchestrator.runtime;

import java.util.Optional;

/** What is recorded when a run reaches a terminal status or stops at BLOCKED. */
public record RunFinish(
    int toolCallCount,
    long tokenUsage,
    double costUsd,
    Optional<String> model,
    Optional<String> error,
    Optional<String> errorClass,
    Optional<String> checkpointJson) {

  public static RunFinish ok(int toolCalls) {
    return new RunFinish(
        toolCalls, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
