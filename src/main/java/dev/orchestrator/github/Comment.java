package dev.orchestrator.github;

import java.time.Instant;

/** An issue or pull-request conversation comment. */
public record Comment(
    long id,
    String body,
    String author,
    boolean authorIsBot,
    Instant createdAt,
    Instant updatedAt,
    String htmlUrl) {}
