package dev.orchestrator.github;

import java.util.Optional;

/** One file changed by a pull request; {@code patch} is absent for binary or very large diffs. */
public record PullRequestFile(
    String filename, String status, int additions, int deletions, Optional<String> patch) {}
