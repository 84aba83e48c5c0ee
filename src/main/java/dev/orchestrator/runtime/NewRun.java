package dev.orchestrator.runtime;

import java.util.Optional;

/** What is known of a run when it is created. */
public record NewRun(
    String mission,
    String planner,
    long installationId,
    Optional<String> repository,
    Optional<Integer> issueNumber,
    Optional<String> headSha,
    String trigger,
    Optional<String> requestedBy,
    Optional<String> idempotencyKey,
    RunStatus status,
    int priority,
    boolean dryRun,
    String argumentsJson,
    Optional<String> eventJson) {

  /** Priorities as stored: higher runs first. */
  public static final int PRIORITY_LOW = 0;

  public static final int PRIORITY_NORMAL = 1;
  public static final int PRIORITY_HIGH = 2;
  public static final int PRIORITY_URGENT = 3; // a high-priority mission started by a human

  /** A run started from the command line, with no GitHub context. */
  public static NewRun offline(
      String mission, String planner, boolean dryRun, String argsJson, Optional<String> eventJson) {
    return new NewRun(
        mission,
        planner,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "cli",
        Optional.empty(),
        Optional.empty(),
        RunStatus.RUNNING,
        PRIORITY_NORMAL,
        dryRun,
        argsJson,
        eventJson);
  }
}
