package dev.orchestrator.mission;

/**
 * Where a mission comes from: the operator's {@code missions/} directory, or a repository's {@code
 * .github/agent/missions/} (which may not use destructive tools).
 */
public enum MissionScope {
  GLOBAL,
  REPOSITORY
}
