package dev.orchestrator.github;

import java.util.List;

/** Issues and pull requests found, at most the limit asked for, and GitHub's total count. */
public record SearchResult(int totalCount, List<Issue> items) {}
