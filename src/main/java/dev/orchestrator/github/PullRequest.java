package dev.orchestrator.github;

/** A pull request with what missions and check runs need. */
public record PullRequest(
    int number,
    String title,
    String body,
    String state,
    boolean draft,
    boolean merged,
    String headSha,
    String headRef,
    String baseRef,
    String author,
    String htmlUrl) {}
