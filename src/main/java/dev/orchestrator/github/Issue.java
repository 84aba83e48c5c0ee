package dev.orchestrator.github;

import java.util.List;
import java.util.Optional;

/** An issue or pull request as the issues API shows it. */
public record Issue(
    int number,
    String title,
    String body,
    String state,
    Optional<String> stateReason,
    List<String> labels,
    List<String> assignees,
    String author,
    String htmlUrl,
    boolean pullRequest) {}
