package dev.orchestrator.github;

import java.util.Optional;

/** A check run as GitHub reports it. */
public record CheckRun(
    long id,
    String name,
    String headSha,
    String status,
    Optional<String> conclusion,
    String htmlUrl) {}
