package dev.orchestrator.mission;

/**
 * One mission file's text and where it came from (a path, or a repository path such as {@code
 * .github/agent/missions/triage.yml}), which problems and missions name.
 */
public record MissionSource(String origin, String text) {}
